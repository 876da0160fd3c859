// The run's header: what it is, how it stands, its variables, and Kill / Redo for those who hold the points.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { del, envelope, seg } from '../api';
import { navigate } from '../router';
import { shared } from '../styles';
import { Task, finished } from './types';

@customElement('oc-task-header')
export class TaskHeader extends LitElement {
  static styles = [
    shared,
    css`
      .title {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: baseline;
      }
      .title h1 {
        margin: 0;
      }
      .actions {
        margin-left: auto;
        display: flex;
        gap: 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.15rem 0.75rem;
        margin: 0.5rem 0;
      }
      dt {
        color: var(--fg-soft);
      }
      dd {
        margin: 0;
      }
      pre {
        margin: 0;
        white-space: pre-wrap;
        max-height: 8rem;
        overflow: auto;
      }
    `,
  ];

  @property({ type: Number }) node = 0;
  @property({ attribute: false }) task?: Task;
  @property({ type: Boolean }) canWrite = false;
  @state() private message = '';
  @state() private busy = false;

  private async kill(): Promise<void> {
    const task = this.task!;
    if (!window.confirm(`Kill run ${task.name}?`)) {
      return;
    }
    await this.act(async () => {
      const reply = await envelope(`/api/job/slave/${seg(task.slave || 'any')}/killtask/${seg(task.uuid)}`, { method: 'DELETE' });
      return reply.info || 'kill sent';
    });
  }

  private async redo(): Promise<void> {
    const task = this.task!;
    await this.act(async () => {
      const reply = (await envelope(`/api/job/task/${seg(this.node)}/redo`, {
        method: 'POST',
        body: JSON.stringify({ taskuuid: task.uuid }),
        headers: { 'content-type': 'application/json' },
      })) as { uuid?: string };
      if (reply.uuid) {
        navigate(`/${this.node}/run/${reply.uuid}`);
      }
      return 'started again';
    });
  }

  private async act(action: () => Promise<string>): Promise<void> {
    this.busy = true;
    try {
      this.message = await action();
      this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.message = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const t = this.task;
    if (!t) {
      return html`<p class="muted" role="status">Loading the run…</p>`;
    }
    const done = finished(t.status);
    return html`
      <div class="title">
        <h1 data-test="run-name">${t.name}</h1>
        <span class="status-${t.status}" data-test="run-status" role="status">${t.status}</span>
        <span class="actions">
          ${this.canWrite && !done ? html`<button class="danger" data-test="run-kill" ?disabled=${this.busy} @click=${this.kill}>Kill</button>` : nothing}
          ${this.canWrite && done ? html`<button data-test="run-redo" ?disabled=${this.busy} @click=${this.redo}>Redo</button>` : nothing}
        </span>
      </div>
      ${this.message ? html`<p class="muted" role="status" data-test="run-message">${this.message}</p>` : nothing}
      <dl>
        <dt>User</dt>
        <dd>${t.user}</dd>
        <dt>Started</dt>
        <dd>${t.starttime ?? '—'}</dd>
        <dt>Finished</dt>
        <dd>${t.finishtime ?? '—'}${t.runtime ? html` <span class="muted">(${t.runtime} s)</span>` : nothing}</dd>
        ${t.reason ? html`<dt>Reason</dt><dd class="error">${t.reason}</dd>` : nothing}
        <dt>Variables</dt>
        <dd>${t.variable && t.variable.trim() && t.variable.trim() !== '--- {}' ? html`<pre data-test="run-variables">${t.variable}</pre>` : html`<span class="muted">none</span>`}</dd>
      </dl>
    `;
  }
}
