// Placeholder until the view is built (issue 17, this session).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('oc-jobs')
export class JobsView extends LitElement {
  @property({ type: Number }) node = 0;
  render() {
    return html`<p>Jobs</p>`;
  }
}
