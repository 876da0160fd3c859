// A step's hosts grouped by outcome (status, exit code or reason, identical output), with the actions on a group.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { shared } from '../styles';
import { copyText } from './clipboard';
import { shortList } from './host-ranges';
import { plain } from './log-text';
import { Group } from './types';

/** Beyond this many groups (every host printing something different) the rest wait behind a button. */
const shownGroups = 20;

@customElement('oc-result-groups')
export class ResultGroups extends LitElement {
  static styles = [
    shared,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border: 1px solid var(--line);
        border-left-width: 4px;
        border-radius: 6px;
        padding: 0.4rem 0.6rem;
      }
      li.success {
        border-left-color: var(--ok);
      }
      li.fail,
      li.incomplete {
        border-left-color: var(--fail);
      }
      li.running {
        border-left-color: var(--run);
      }
      li.pending {
        border-left-color: var(--pending);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: baseline;
      }
      .actions {
        margin-left: auto;
        display: flex;
        gap: 0.4rem;
      }
      .hosts {
        font-family: var(--mono);
        overflow-wrap: anywhere;
      }
      pre {
        margin: 0.3rem 0 0;
        padding: 0.4rem;
        background: var(--bg-soft);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-height: 16rem;
        overflow: auto;
      }
      .first-line {
        font-family: var(--mono);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .status-pending,
      .status-incomplete {
        color: var(--pending);
      }
    `,
  ];

  @property({ attribute: false }) groups: Group[] = [];
  /** Whether the caller may retry hosts (write or control on the node) and the step awaits a decision. */
  @property({ type: Boolean }) canRetry = false;
  @state() private open = new Set<string>();
  @state() private all = false;
  @state() private note = '';
  @query('textarea') private scratch!: HTMLTextAreaElement;

  private toggle(key: string): void {
    const open = new Set(this.open);
    if (!open.delete(key)) {
      open.add(key);
    }
    this.open = open;
  }

  private async copy(group: Group): Promise<void> {
    const copied = await copyText(group.hosts.join('\n'), this.scratch);
    this.note = copied ? `${group.count} hosts copied` : 'copying is not allowed here';
  }

  private retry(group: Group): void {
    this.dispatchEvent(new CustomEvent('retry-hosts', { detail: group.hosts, bubbles: true, composed: true }));
  }

  render() {
    const groups = this.all ? this.groups : this.groups.slice(0, shownGroups);
    return html`
      <ul aria-label="Result groups">
        ${groups.map((g) => this.group(g))}
      </ul>
      ${groups.length < this.groups.length
        ? html`<button data-test="groups-more" @click=${() => (this.all = true)}>Show ${this.groups.length - groups.length} more groups</button>`
        : nothing}
      <p class="muted" role="status">${this.note}</p>
      <textarea class="visually-hidden" hidden aria-hidden="true" tabindex="-1"></textarea>
    `;
  }

  private group(g: Group) {
    const list = shortList(g.hosts);
    const open = this.open.has(g.key);
    const outcome = g.reason ?? (g.exitcode === null ? '' : `exit ${g.exitcode}`);
    const failed = g.status !== 'success' && g.status !== 'running' && g.status !== 'pending';
    const sample = g.sample === null ? null : plain(g.sample);
    const firstLine = sample?.split('\n').find((line) => line.trim()) ?? '';
    return html`
      <li class=${g.status} data-test="group" data-status=${g.status} data-count=${g.count}>
        <div class="head">
          <strong class="status-${g.status}">${g.status}</strong>
          <span>${g.count} ${g.count === 1 ? 'host' : 'hosts'}</span>
          ${outcome ? html`<span class="muted">${outcome}</span>` : nothing}
          <span class="actions">
            ${failed && this.canRetry
              ? html`<button class="primary" data-test="group-retry" @click=${() => this.retry(g)}>Retry these ${g.count}</button>`
              : nothing}
            <button data-test="group-copy" @click=${() => this.copy(g)}>Copy hosts</button>
            ${sample !== null
              ? html`<button data-test="group-output" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.toggle(g.key)}>
                  ${open ? 'Hide output' : 'Show output'}
                </button>`
              : nothing}
          </span>
        </div>
        <div class="hosts">${list.text}${list.more > 0 ? html` <span class="muted">and ${list.more} more</span>` : nothing}</div>
        ${open
          ? html`<pre data-test="group-sample">${sample}</pre>${g.cut ? html`<p class="muted">Only the start of the output is shown.</p>` : nothing}`
          : firstLine
            ? html`<div class="first-line muted">${firstLine}</div>`
            : nothing}
      </li>
    `;
  }
}
