// The caller's approvals, pending ones first, agreed or refused here; the shell's badge hears `decided`.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { get, post } from '../api';
import { shared } from '../styles';

interface Approval {
  uuid: string;
  name: string;
  opinion: string;
  remarks: string | null;
  create_time: string;
  finishtime: string | null;
  submitter: string;
}

const pending = (a: Approval) => a.opinion === 'unconfirmed' && !a.finishtime;
const opinionClass: Record<string, string> = { agree: 'status-success', refuse: 'status-refuse', unconfirmed: 'status-waiting' };

@customElement('oc-approvals')
export class ApprovalsView extends LitElement {
  static styles = [
    shared,
    css`
      td.actions {
        display: flex;
        gap: 0.4rem;
        justify-content: flex-end;
      }
    `,
  ];

  @state() private rows: Approval[] = [];
  @state() private loaded = false;
  @state() private error = '';
  /** The uuid being decided, so its buttons wait for the reply. */
  @state() private deciding = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const rows = await get<Approval[]>('/api/job/approval');
      this.rows = rows.sort((a, b) => Number(pending(b)) - Number(pending(a)) || b.create_time.localeCompare(a.create_time));
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loaded = true;
    }
  }

  private async decide(row: Approval, opinion: 'agree' | 'refuse'): Promise<void> {
    this.deciding = row.uuid;
    try {
      await post('/api/job/approval', { uuid: row.uuid, opinion });
      this.dispatchEvent(new CustomEvent('decided', { bubbles: true, composed: true }));
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.deciding = '';
    }
  }

  private actions(row: Approval) {
    if (!pending(row)) {
      return html`<span class=${opinionClass[row.opinion] ?? ''}>${row.opinion}</span>`;
    }
    const busy = this.deciding === row.uuid;
    return html`
      <button class="primary" ?disabled=${busy} data-test="agree-${row.uuid}" aria-label="Agree to ${row.name}" @click=${() => this.decide(row, 'agree')}>Agree</button>
      <button class="danger" ?disabled=${busy} data-test="refuse-${row.uuid}" aria-label="Refuse ${row.name}" @click=${() => this.decide(row, 'refuse')}>Refuse</button>
    `;
  }

  render() {
    const open = this.rows.filter(pending).length;
    return html`
      <h1>Approvals</h1>
      <p class="muted" data-test="approvals-summary">${open} waiting for you.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loaded && this.rows.length === 0 ? html`<p class="muted">Nothing has been asked of you.</p>` : nothing}
      <table data-test="approvals-table">
        <thead>
          <tr><th scope="col">Step</th><th scope="col">Asked by</th><th scope="col">Asked at</th><th scope="col">Remarks</th><th scope="col">Decision</th></tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) => html`<tr data-test="approval-${r.uuid}">
              <td>${r.name}</td>
              <td>${r.submitter}</td>
              <td>${r.create_time}</td>
              <td class="muted">${r.remarks ?? ''}</td>
              <td class="actions">${this.actions(r)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}
