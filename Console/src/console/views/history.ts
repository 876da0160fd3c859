// Placeholder until the view is built (issue 17, this session).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('oc-history')
export class HistoryView extends LitElement {
  @property({ type: Number }) node = 0;
  @property({ attribute: false }) query = new URLSearchParams();
  render() {
    return html`<p>History</p>`;
  }
}
