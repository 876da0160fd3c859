// Placeholder until the view is built (issue 17, this session).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('oc-quick-command')
export class QuickCommandView extends LitElement {
  @property({ type: Number }) node = 0;
  render() {
    return html`<p>Quick command</p>`;
  }
}
