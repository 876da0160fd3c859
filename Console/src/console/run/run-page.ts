// Placeholder until the view is built (issue 17, this session).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('oc-run-page')
export class RunPage extends LitElement {
  @property({ type: Number }) node = 0;
  @property() task = '';
  @property({ attribute: false }) query = new URLSearchParams();
  render() {
    return html`<p>Run</p>`;
  }
}
