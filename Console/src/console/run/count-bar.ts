// How a step's hosts stand, as a proportional bar and in words: ok, failed, running, pending.
import { LitElement, css, html } from 'lit';
import { customElement, property, queryAll } from 'lit/decorators.js';
import { shared } from '../styles';
import { Counts } from './types';

const parts: Array<[keyof Counts, string]> = [
  ['success', 'ok'],
  ['fail', 'failed'],
  ['running', 'running'],
  ['pending', 'pending'],
];

@customElement('oc-count-bar')
export class CountBar extends LitElement {
  static styles = [
    shared,
    css`
      .bar {
        display: flex;
        height: 0.6rem;
        border-radius: 0.3rem;
        overflow: hidden;
        background: var(--bg-soft);
        border: 1px solid var(--line);
      }
      .bar span {
        flex: var(--share, 0) 1 0;
      }
      .bar .success {
        background: var(--ok);
      }
      .bar .fail {
        background: var(--fail);
      }
      .bar .running {
        background: var(--run);
      }
      .bar .pending {
        background: var(--pending);
      }
      .words {
        display: flex;
        gap: 1rem;
        margin: 0.3rem 0;
      }
      .status-pending {
        color: var(--pending);
      }
    `,
  ];

  @property({ attribute: false }) counts: Counts = { success: 0, fail: 0, running: 0, pending: 0 };
  @queryAll('.bar span') private segments!: NodeListOf<HTMLElement>;

  protected updated(): void {
    // Shares go through CSSOM custom properties: the console's CSP forbids style attributes.
    this.segments.forEach((segment, i) => segment.style.setProperty('--share', String(this.counts[parts[i][0]])));
  }

  render() {
    const c = this.counts;
    const words = parts.map(([key, label]) => `${c[key]} ${label}`).join(', ');
    return html`
      <div class="bar" role="img" aria-label=${words}>${parts.map(([key]) => html`<span class=${key}></span>`)}</div>
      <div class="words">
        ${parts.map(([key, label]) => html`<span class="status-${key}" data-test="count-${key}">${c[key]} ${label}</span>`)}
      </div>
    `;
  }
}
