// Starting a job: asks only for its empty variables (hosts through the host picker), shows its steps, and starts it
// with one idempotency key made when the dialog opens, so a double click or a retried request starts one run.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { get, newUuid, post, seg } from '../api';
import { navigate } from '../router';
import { shared } from '../styles';
import './host-picker';

export interface JobRef {
  name: string;
  uuid: string;
}

interface Variable {
  name: string;
  describe: string;
  option: string;
}

/** A step as the job detail answers it (upstream's keys; which ones are present tells the kind). */
type Step = Record<string, string | undefined>;

const references = /\$\{?([A-Za-z0-9_]+)\}?/g;

/** Variables a step takes its hosts from (`node_type` or `dst_type` `variable`). */
function hostVariables(steps: Step[]): Set<string> {
  const names = new Set<string>();
  for (const step of steps) {
    const list = step.node_type === 'variable' ? step.node_cont : step.dst_type === 'variable' ? step.dst : undefined;
    for (const match of (list ?? '').matchAll(references)) {
      names.add(match[1]);
    }
  }
  return names;
}

function summary(step: Step) {
  if (step.approver !== undefined) {
    return html`approval by <code>${step.approver}</code>`;
  }
  if (step.sp !== undefined) {
    return html`copy <code>${step.sp}</code> from ${step.src_type} <code>${step.src}</code> to ${step.dst_type} <code>${step.dst}</code>:<code>${step.dp}</code>`;
  }
  return html`${step.scripts_type} script as <code>${step.user}</code> on ${step.node_type} <code>${step.node_cont}</code>`;
}

@customElement('oc-run-dialog')
export class RunDialog extends LitElement {
  static styles = [
    shared,
    css`
      dialog {
        width: min(48rem, 92vw);
      }
      form {
        display: grid;
        gap: 0.7rem;
      }
      label.field {
        display: grid;
        gap: 0.2rem;
      }
      ol {
        margin: 0;
        padding-left: 1.4rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  @property({ type: Number }) node = 0;
  @property({ attribute: false }) job!: JobRef;
  @state() private steps: Step[] = [];
  @state() private variables: Variable[] = [];
  @state() private hostNames = new Set<string>();
  @state() private values: Record<string, string> = {};
  @state() private loading = true;
  @state() private busy = false;
  @state() private error = '';
  /** The idempotency key of this opening of the dialog: every submit sends the same one. */
  private readonly uuid = newUuid();

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  firstUpdated(): void {
    this.dialog().showModal();
  }

  private dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private async load(): Promise<void> {
    try {
      const [detail, variables] = await Promise.all([
        get<{ data?: Step[] }>(`/api/job/jobs/${seg(this.node)}/${seg(this.job.uuid)}`),
        get<Variable[]>(`/api/job/variable/${seg(this.node)}/${seg(this.job.uuid)}?empty=1`),
      ]);
      this.steps = detail.data ?? [];
      this.variables = variables;
      this.hostNames = hostVariables(this.steps);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.loading = false;
    }
  }

  private setValue(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
  }

  /** Not guarded against a second click on purpose: the same uuid makes the product answer with the same task. */
  private async start(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const missing = this.variables.filter((v) => !this.values[v.name]).map((v) => v.name);
    if (missing.length > 0) {
      this.error = `Give a value to ${missing.join(', ')}`;
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await post(`/api/job/task/${seg(this.node)}/job/byname`, { jobname: this.job.name, uuid: this.uuid, variable: this.values });
      this.dialog().close();
      navigate(`/${this.node}/run/${this.uuid}`);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private field(v: Variable) {
    if (this.hostNames.has(v.name)) {
      return html`<oc-host-picker .node=${this.node} name=${v.name} .value=${this.values[v.name] ?? ''}
        @hosts-change=${(e: CustomEvent<string>) => this.setValue(v.name, e.detail)}></oc-host-picker>`;
    }
    const options = v.option ? v.option.split(',').filter((o) => o) : [];
    const input = (e: Event) => this.setValue(v.name, (e.target as HTMLInputElement).value);
    return html`<label class="field">${v.describe || v.name} <span class="muted">(${v.name})</span>
      ${options.length > 0
        ? html`<select required data-test="var-${v.name}" @change=${input}>
            <option value="">Choose…</option>
            ${options.map((o) => html`<option value=${o}>${o}</option>`)}
          </select>`
        : html`<input required data-test="var-${v.name}" .value=${this.values[v.name] ?? ''} @input=${input} />`}
    </label>`;
  }

  render() {
    return html`
      <dialog aria-labelledby="run-title" data-test="run-dialog" @close=${() => this.dispatchEvent(new Event('closed'))}>
        <form @submit=${this.start}>
          <h1 id="run-title">Run ${this.job.name}</h1>
          ${this.loading ? html`<p class="muted">Loading…</p>` : nothing}
          ${this.variables.length > 0 ? html`<h2>Variables</h2>${this.variables.map((v) => this.field(v))}` : nothing}
          <h2>Steps</h2>
          <ol data-test="run-steps">
            ${this.steps.map((s) => html`<li><strong>${s.name}</strong>: ${summary(s)}</li>`)}
          </ol>
          ${this.error ? html`<p class="error" role="alert" data-test="run-error">${this.error}</p>` : nothing}
          <div class="actions">
            <button type="button" data-test="run-cancel" @click=${() => this.dialog().close()}>Cancel</button>
            <button class="primary" type="submit" data-test="run-start" ?disabled=${this.loading || this.busy}>Start</button>
          </div>
        </form>
      </dialog>
    `;
  }
}
