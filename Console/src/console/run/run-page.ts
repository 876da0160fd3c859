// The run page (`/console/:p/run/:taskuuid?step=&filter=&q=`): the run's header and steps, the chosen step's result
// groups and hosts, and the raw log. It polls once a second while the run goes on and the page is visible; the step
// routes answer 304 while nothing changed, so a quiet 500-host run costs next to nothing.
import { PropertyValues, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, get, getCached, seg } from '../api';
import { setQuery } from '../router';
import { NodeView } from '../node-view';
import { can } from '../session';
import { bindViewKey } from '../shortcuts';
import { shared } from '../styles';
import { decide } from './controls';
import { Poller } from './poller';
import './raw-log';
import './step-timeline';
import './step-view';
import './task-header';
import { Groups, HostFilter, Step, StepDetail, Task, finished, hostFilters } from './types';

type Tab = 'hosts' | 'log';

@customElement('oc-run-page')
export class RunPage extends NodeView {
  static styles = [
    shared,
    css`
      [role='tablist'] {
        display: flex;
        gap: 0.25rem;
        border-bottom: 1px solid var(--line);
        margin: 0.75rem 0 0.5rem;
      }
      [role='tab'] {
        border-bottom-left-radius: 0;
        border-bottom-right-radius: 0;
        border-bottom: 0;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--bg);
        font-weight: 600;
      }
      .log-choice {
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property() task = '';
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private run?: Task;
  @state() private steps: Step[] = [];
  @state() private detail?: StepDetail;
  @state() private groups?: Groups;
  @state() private version = 0;
  @state() private chosenStep = '';
  @state() private filter: HostFilter = 'all';
  @state() private q = '';
  @state() private tab: Tab = 'hosts';
  @state() private logOf = '';
  @state() private canWrite = false;
  @state() private canControl = false;
  @state() private notice = '';
  @state() private error = '';
  private runJson = '';
  private readonly poller = new Poller(() => this.tick());

  private unbindKey?: () => void;

  connectedCallback(): void {
    super.connectedCallback();
    this.poller.start();
    this.unbindKey = bindViewKey('f', () => this.setFilter(hostFilters[(hostFilters.indexOf(this.filter) + 1) % hostFilters.length]));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.poller.stop();
    this.unbindKey?.();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query')) {
      this.chosenStep = this.query.get('step') ?? '';
      const filter = this.query.get('filter') as HostFilter;
      this.filter = hostFilters.includes(filter) ? filter : 'all';
      this.q = this.query.get('q') ?? '';
    }
    if ((changed.has('task') && changed.get('task') !== undefined) || (changed.has('node') && changed.get('node') !== undefined)) {
      this.run = undefined;
      this.runJson = '';
      this.steps = [];
      this.detail = undefined;
      this.groups = undefined;
      this.notice = '';
      this.error = '';
      this.poller.stop();
      this.poller.start();
    }
  }

  /** The points that show the run's buttons. */
  protected load(): Promise<void> {
    return this.forNode(
      (node) => Promise.all([can('openc3_job_write', node), can('openc3_job_control', node)]),
      ([write, control]) => {
        this.canWrite = write;
        this.canControl = control;
      },
    );
  }

  private get base(): string {
    return `/api/job/subtask/${seg(this.node)}/${seg(this.task)}`;
  }

  /** The step shown: the one in the URL, else the one the run is at, else the last that ran. */
  private get selected(): Step | undefined {
    const steps = this.steps;
    return (
      steps.find((s) => s.uuid === this.chosenStep) ??
      steps.find((s) => s.status === 'running' || s.status === 'decision') ??
      steps.find((s) => !!s.pause && !!s.status) ??
      [...steps].reverse().find((s) => s.status) ??
      steps[0]
    );
  }

  private async tick(): Promise<boolean> {
    try {
      return await this.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        // The product refused (no point on this node, an unknown step): say so and stop asking.
        this.error = error.message;
        return false;
      }
      throw error;
    }
  }

  private async refresh(): Promise<boolean> {
    const task = this.task;
    const shown = this.selected?.uuid;
    // The run, its steps and the step on view at once: a host's report reaches the page within one tick.
    const [run, steps] = await Promise.all([get<Task>(`/api/job/task/${seg(this.node)}/${seg(task)}`), getCached<Step[]>(this.base), this.loadStep()]);
    if (task !== this.task) {
      return true;
    }
    const json = JSON.stringify(run);
    if (json !== this.runJson) {
      this.runJson = json;
      this.run = run;
    }
    if (run.status === 'norun') {
      this.error = `There is no run ${task} on this node.`;
      return false;
    }
    this.error = '';
    if (steps.data !== this.steps) {
      this.steps = steps.data;
    }
    if (this.selected?.uuid !== shown) {
      await this.loadStep();
    }
    if (!finished(run.status)) {
      return true;
    }
    // The steps were read beside the run's status, maybe just before it ended: read them once more, then stop.
    const last = await getCached<Step[]>(this.base);
    if (last.data !== this.steps) {
      this.steps = last.data;
    }
    await this.loadStep();
    return false;
  }

  private async loadStep(): Promise<void> {
    const step = this.selected;
    if (!step) {
      return;
    }
    const path = `${this.base}/${seg(step.uuid)}`;
    const q = this.q;
    const [detail, groups] = await Promise.all([
      getCached<StepDetail>(path),
      getCached<Groups>(`${path}/groups${q ? `?q=${seg(q)}` : ''}`),
    ]);
    if (step.uuid !== this.selected?.uuid || q !== this.q) {
      return;
    }
    if (this.detail !== detail.data) {
      this.detail = detail.data;
      this.version++;
    }
    if (this.groups !== groups.data) {
      this.groups = groups.data;
    }
  }

  private keepInUrl(): void {
    const query = new URLSearchParams();
    if (this.chosenStep) {
      query.set('step', this.chosenStep);
    }
    if (this.filter !== 'all') {
      query.set('filter', this.filter);
    }
    if (this.q) {
      query.set('q', this.q);
    }
    setQuery(query);
  }

  private selectStep(uuid: string): void {
    this.chosenStep = uuid;
    this.detail = undefined;
    this.groups = undefined;
    this.keepInUrl();
    void this.loadStep();
  }

  private setFilter(filter: HostFilter): void {
    this.filter = filter;
    this.keepInUrl();
  }

  private search(q: string): void {
    this.q = q;
    this.keepInUrl();
    void this.loadStep();
  }

  private async retryHosts(hosts: string[]): Promise<void> {
    const step = this.selected;
    if (!step) {
      return;
    }
    try {
      await decide(this.node, this.task, step, 'running', hosts);
      this.notice = `Retrying ${hosts.length} ${hosts.length === 1 ? 'host' : 'hosts'}.`;
      this.changed();
    } catch (error) {
      this.notice = (error as Error).message;
    }
  }

  private changed(): void {
    this.poller.start();
    this.poller.now();
  }

  render() {
    if (this.error) {
      return html`<p class="error" role="alert" data-test="run-error">${this.error}</p>`;
    }
    const step = this.selected;
    return html`
      <div @changed=${this.changed}>
        <oc-task-header .node=${this.node} .task=${this.run} .canWrite=${this.canWrite}></oc-task-header>
        <oc-step-timeline .steps=${this.steps} .selected=${step?.uuid ?? ''} @select-step=${(e: CustomEvent<string>) => this.selectStep(e.detail)}></oc-step-timeline>
        ${this.notice ? html`<p role="status" data-test="run-notice">${this.notice}</p>` : nothing}
        <div role="tablist" aria-label="Views of the run">
          ${this.tabButton('hosts', 'Hosts')} ${this.tabButton('log', 'Raw log')}
        </div>
        <div role="tabpanel" id="panel-hosts" aria-labelledby="tab-hosts" ?hidden=${this.tab !== 'hosts'}>
          ${this.tab === 'hosts'
            ? html`<oc-step-view
                .node=${this.node}
                .task=${this.task}
                .step=${step}
                .hosts=${this.detail?.uuid === step?.uuid ? (this.detail?.hosts ?? []) : []}
                .groups=${this.groups}
                .filter=${this.filter}
                .q=${this.q}
                .version=${this.version}
                .canDecide=${this.canWrite || this.canControl}
                .canContinue=${this.canControl}
                @host-filter=${(e: CustomEvent<HostFilter>) => this.setFilter(e.detail)}
                @host-search=${(e: CustomEvent<string>) => this.search(e.detail)}
                @retry-hosts=${(e: CustomEvent<string[]>) => this.retryHosts(e.detail)}
              ></oc-step-view>`
            : nothing}
        </div>
        <div role="tabpanel" id="panel-log" aria-labelledby="tab-log" ?hidden=${this.tab !== 'log'}>
          ${this.tab === 'log' ? this.logPanel() : nothing}
        </div>
      </div>
    `;
  }

  private tabButton(tab: Tab, label: string) {
    const active = this.tab === tab;
    return html`<button
      role="tab"
      id="tab-${tab}"
      data-test="tab-${tab}"
      aria-selected=${active ? 'true' : 'false'}
      aria-controls="panel-${tab}"
      tabindex=${active ? 0 : -1}
      @click=${() => (this.tab = tab)}
      @keydown=${this.tabKeys}
    >
      ${label}
    </button>`;
  }

  private tabKeys(event: KeyboardEvent): void {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      this.tab = this.tab === 'hosts' ? 'log' : 'hosts';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
    }
  }

  private logPanel() {
    const steps = this.steps.filter((s) => s.status);
    const chosen = steps.find((s) => s.uuid === this.logOf);
    const log = chosen ? `${this.task}${chosen.uuid}${chosen.subtask_type}` : this.task;
    return html`
      <div class="log-choice">
        <label>Log of
          <select data-test="log-of" @change=${(e: Event) => (this.logOf = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!chosen}>the run</option>
            ${steps.map((s) => html`<option value=${s.uuid} ?selected=${s === chosen}>step ${this.steps.indexOf(s) + 1}: ${s.extended?.name ?? s.subtask_type}</option>`)}
          </select>
        </label>
      </div>
      <oc-raw-log .slave=${this.run?.slave ?? ''} .log=${log}></oc-raw-log>
    `;
  }
}
