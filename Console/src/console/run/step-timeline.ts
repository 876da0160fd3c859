// The run's steps in order, each with its status and time; choosing one shows its hosts below.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shared } from '../styles';
import { Step } from './types';

@customElement('oc-step-timeline')
export class StepTimeline extends LitElement {
  static styles = [
    shared,
    css`
      ol {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        padding: 0;
        margin: 0.5rem 0;
      }
      button {
        display: grid;
        text-align: left;
        min-width: 9rem;
        border-left-width: 4px;
      }
      button[aria-current='step'] {
        background: var(--bg);
        border-color: var(--accent);
      }
      .name {
        font-weight: 600;
      }
      .status-null,
      .status-pending {
        color: var(--pending);
      }
    `,
  ];

  @property({ attribute: false }) steps: Step[] = [];
  @property() selected = '';

  private choose(uuid: string): void {
    this.dispatchEvent(new CustomEvent('select-step', { detail: uuid, bubbles: true, composed: true }));
  }

  render() {
    return html`
      <nav aria-label="Steps">
        <ol>
          ${this.steps.map(
            (s, i) => html`<li>
              <button data-test="step-${i}" aria-current=${s.uuid === this.selected ? 'step' : 'false'} @click=${() => this.choose(s.uuid)}>
                <span class="name">${i + 1}. ${s.extended?.name ?? s.subtask_type}</span>
                <span class="status-${s.status ?? 'null'}">${s.status ?? 'not run'}${s.pause ? ' · paused' : ''}</span>
                <span class="muted">${s.runtime ? `${s.runtime} s` : s.starttime ?? ''}</span>
              </button>
            </li>`,
          )}
        </ol>
      </nav>
    `;
  }
}
