// Placeholder until the view is built (issue 17, this session).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('oc-approvals')
export class ApprovalsView extends LitElement {

  render() {
    return html`<p>Approvals</p>`;
  }
}
