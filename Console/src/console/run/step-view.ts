// One step of the run: counts, decisions, result groups, and the searchable, filterable host table.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { shared } from '../styles';
import './count-bar';
import './decision-bar';
import './host-output';
import './host-table';
import './result-groups';
import type { HostTable } from './host-table';
import { Groups, HostFilter, HostRow, Step, filterOf, hostFilters } from './types';

const searchDelay = 300;
const filterLabels: Record<HostFilter, string> = { all: 'All', success: 'OK', fail: 'Failed', running: 'Running', pending: 'Pending' };

@customElement('oc-step-view')
export class StepView extends LitElement {
  static styles = [
    shared,
    css`
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin: 0.75rem 0 0.5rem;
      }
      .filters {
        display: flex;
        gap: 0.25rem;
      }
      .filters button[aria-pressed='true'] {
        background: var(--accent);
        border-color: var(--accent);
        color: var(--accent-fg);
      }
      input[type='search'] {
        min-width: 16rem;
      }
    `,
  ];

  @property({ type: Number }) node = 0;
  @property() task = '';
  @property({ attribute: false }) step?: Step;
  @property({ attribute: false }) hosts: HostRow[] = [];
  @property({ attribute: false }) groups?: Groups;
  @property() filter: HostFilter = 'all';
  @property() q = '';
  @property({ type: Boolean }) canDecide = false;
  @property({ type: Boolean }) canContinue = false;
  /** Bumped by the page whenever the step's hosts changed. */
  @property({ type: Number }) version = 0;
  @state() private host = '';
  @query('oc-host-table') private table?: HostTable;
  private searchTimer?: number;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.searchTimer);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('step') && changed.get('step') && (changed.get('step') as Step).uuid !== this.step?.uuid) {
      this.host = '';
    }
  }

  /** The table's rows: the status filter, then the search (the product answers which hosts match names or output). */
  private rows(): HostRow[] {
    const matching = this.q && this.groups ? new Set(this.groups.groups.flatMap((g) => g.hosts)) : undefined;
    return this.hosts.filter((h) => (this.filter === 'all' || filterOf(h.status) === this.filter) && (!matching || matching.has(h.node)));
  }

  private setFilter(filter: HostFilter): void {
    this.table?.toTop();
    this.dispatchEvent(new CustomEvent('host-filter', { detail: filter, bubbles: true, composed: true }));
  }

  private typed(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => {
      this.table?.toTop();
      this.dispatchEvent(new CustomEvent('host-search', { detail: value.slice(0, 200), bubbles: true, composed: true }));
    }, searchDelay);
  }

  render() {
    const step = this.step;
    if (!step) {
      return html`<p class="muted">This run has no steps.</p>`;
    }
    const g = this.groups;
    const rows = this.rows();
    return html`
      <section aria-label="Step ${step.extended?.name ?? ''}">
        ${g ? html`<oc-count-bar .counts=${g.counts}></oc-count-bar>` : nothing}
        <oc-decision-bar .node=${this.node} .task=${this.task} .step=${step} .canDecide=${this.canDecide} .canContinue=${this.canContinue}></oc-decision-bar>
        <h2>Result groups${this.q ? html` <span class="muted">matching “${this.q}”</span>` : nothing}</h2>
        ${g && g.groups.length > 0
          ? html`<oc-result-groups .groups=${g.groups} .canRetry=${this.canDecide && step.status === 'decision'}></oc-result-groups>`
          : html`<p class="muted">${g ? 'No host matches.' : 'Loading…'}</p>`}
        <h2>Hosts</h2>
        <div class="tools">
          <div class="filters" role="group" aria-label="Show hosts">
            ${hostFilters.map(
              (f) => html`<button data-test="filter-${f}" aria-pressed=${this.filter === f ? 'true' : 'false'} @click=${() => this.setFilter(f)}>${filterLabels[f]}</button>`,
            )}
          </div>
          <label class="visually-hidden" for="search">Search host names and output</label>
          <input
            id="search"
            type="search"
            placeholder="Search hosts and output (/)"
            data-test="host-search"
            data-shortcut="search"
            maxlength="200"
            .value=${this.q}
            @input=${this.typed}
          />
          <span class="muted" data-test="host-count" role="status">${rows.length} of ${this.hosts.length} hosts</span>
        </div>
        <oc-host-table .rows=${rows} .selected=${this.host} @show-host=${(e: CustomEvent<string>) => (this.host = e.detail)}></oc-host-table>
        ${this.host
          ? html`<oc-host-output
              .node=${this.node}
              .task=${this.task}
              .step=${step.uuid}
              .host=${this.host}
              .version=${this.version}
              @show-host=${(e: CustomEvent<string>) => (this.host = e.detail)}
            ></oc-host-output>`
          : nothing}
      </section>
    `;
  }
}
