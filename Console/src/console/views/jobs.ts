// The node's jobs, filtered as you type, each with a Run button for callers who may start it.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { get, seg } from '../api';
import { can } from '../session';
import { shared } from '../styles';
import { JobRef } from './run-dialog';
import './run-dialog';
import { NodeView } from '../node-view';

interface JobRow extends JobRef {
  stepcount: number;
  hasvariable: number;
  edit_user: string;
  edit_time: string;
}

@customElement('oc-jobs')
export class JobsView extends NodeView {
  static styles = [
    shared,
    css`
      .bar {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.75rem;
      }
      td.actions {
        text-align: right;
      }
    `,
  ];

  @state() private jobs: JobRow[] = [];
  @state() private filter = '';
  @state() private canRun = false;
  @state() private loaded = false;
  @state() private error = '';
  @state() private running?: JobRef;

  protected async load(): Promise<void> {
    this.loaded = false;
    this.error = '';
    try {
      // Starting needs write, or control for a job delegated with `_authorization_` (the product decides per job).
      await this.forNode(
        (node) => Promise.all([get<JobRow[]>(`/api/job/jobs/${seg(node)}`), can('openc3_job_write', node), can('openc3_job_control', node)]),
        ([jobs, write, control]) => {
          this.jobs = jobs.sort((a, b) => a.name.localeCompare(b.name));
          this.canRun = write || control;
        },
      );
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loaded = true;
    }
  }

  render() {
    const text = this.filter.toLowerCase();
    const shown = this.jobs.filter((j) => j.name.toLowerCase().includes(text));
    return html`
      <h1>Jobs</h1>
      <div class="bar">
        <input type="search" aria-label="Filter jobs by name" placeholder="Filter jobs (/)" data-shortcut="search" data-test="jobs-filter"
          .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
        <span class="muted">${shown.length} of ${this.jobs.length}</span>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loaded && this.jobs.length === 0 && !this.error ? html`<p class="muted" data-test="jobs-empty">This node has no jobs yet.</p>` : nothing}
      <table data-test="jobs-table">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Steps</th><th scope="col">Edited</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          ${shown.map(
            (j) => html`<tr data-test="job-${j.name}">
              <td>${j.name}${j.hasvariable ? html` <span class="muted" title="Asks for variables">(variables)</span>` : nothing}</td>
              <td>${j.stepcount}</td>
              <td class="muted">${j.edit_user} ${j.edit_time}</td>
              <td class="actions">
                ${this.canRun
                  ? html`<button class="primary" data-test="run-${j.name}" aria-label="Run ${j.name}" @click=${() => (this.running = { name: j.name, uuid: j.uuid })}>Run</button>`
                  : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.running
        ? html`<oc-run-dialog .node=${this.node} .job=${this.running} @closed=${() => (this.running = undefined)}></oc-run-dialog>`
        : nothing}
    `;
  }
}
