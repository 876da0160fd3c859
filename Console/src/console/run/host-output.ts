// One host's output of a step, fetched when asked for (never all hosts' outputs at once).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { get, seg } from '../api';
import { shared } from '../styles';
import { plain } from './log-text';
import { HostOutput as Output } from './types';

@customElement('oc-host-output')
export class HostOutput extends LitElement {
  static styles = [
    shared,
    css`
      section {
        border: 1px solid var(--line);
        border-radius: 6px;
        padding: 0.5rem;
        margin-top: 0.5rem;
      }
      .head {
        display: flex;
        gap: 0.75rem;
        align-items: baseline;
      }
      .head button {
        margin-left: auto;
      }
      pre {
        margin: 0.4rem 0 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-height: 24rem;
        overflow: auto;
        background: var(--bg-soft);
        padding: 0.4rem;
      }
      h2 {
        margin: 0;
        font-family: var(--mono);
      }
    `,
  ];

  @property({ type: Number }) node = 0;
  @property() task = '';
  @property() step = '';
  @property() host = '';
  /** Bumped by the page when the step's hosts changed, so a host that was still running is read again. */
  @property({ type: Number }) version = 0;
  @state() private output?: Output;
  @state() private error = '';

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('host') || changed.has('step') || changed.has('version')) {
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const host = this.host;
    try {
      const output = await get<Output>(`/api/job/subtask/${seg(this.node)}/${seg(this.task)}/${seg(this.step)}/output/${seg(host)}`);
      if (host === this.host) {
        this.output = output;
        this.error = '';
      }
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('show-host', { detail: '', bubbles: true, composed: true }));
  }

  render() {
    const o = this.output?.host === this.host ? this.output : undefined;
    return html`
      <section aria-label="Output of ${this.host}" data-test="host-output">
        <div class="head">
          <h2>${this.host}</h2>
          ${o ? html`<span class="status-${o.status}">${o.status}${o.exitcode !== null ? ` · exit ${o.exitcode}` : ''}</span>` : nothing}
          <button data-test="host-output-close" @click=${this.close}>Close</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${o?.reason ? html`<p class="error">${o.reason}</p>` : nothing}
        ${o ? html`<pre data-test="host-output-text">${plain(o.output)}</pre>` : html`<p class="muted">Loading…</p>`}
        ${o?.cut ? html`<p class="muted" data-test="host-output-cut">The output is cut: this is only its start.</p>` : nothing}
      </section>
    `;
  }
}
