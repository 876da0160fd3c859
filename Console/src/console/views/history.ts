// The node's runs, running ones first, a page at a time; the filters live in the URL and the list refreshes while
// the page is visible.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { envelope, seg } from '../api';
import { href, setQuery } from '../router';
import { shared } from '../styles';

interface TaskRow {
  id: number;
  uuid: string;
  name: string;
  user: string;
  status: string;
  starttime: string;
  finishtime: string | null;
  runtime: string | null;
  calltype: string;
  reason: string | null;
}

const refreshEvery = 5_000;
const pageSize = 50;
const statuses = ['running', 'waiting', 'success', 'fail', 'refuse'];
/** Unfinished task statuses, listed first as the paged route does. */
const unfinished = new Set(['init', 'running', 'waiting']);
/** The URL's filter names and the route's query names they map to. */
const filters: Array<[string, string]> = [
  ['status', 'status'],
  ['name', 'name'],
  ['user', 'user'],
  ['from', 'time_start'],
  ['to', 'time_end'],
];

/** What the unpaged upstream reply needs to look like the paged one: running first, then newest. */
const runningFirst = (a: TaskRow, b: TaskRow) => Number(unfinished.has(b.status)) - Number(unfinished.has(a.status)) || b.id - a.id;

@customElement('oc-history')
export class HistoryView extends LitElement {
  static styles = [
    shared,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: end;
        margin-bottom: 0.75rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
      }
      .pager {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        margin-top: 0.6rem;
      }
      td.status {
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Number }) node = 0;
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private rows: TaskRow[] = [];
  @state() private total?: number;
  @state() private error = '';
  @state() private loaded = false;
  private timer?: number;
  /** Replies to an older filter or node that arrive late are dropped. */
  private asked = 0;
  private readonly onVisible = () => document.visibilityState === 'visible' && void this.refresh();

  connectedCallback(): void {
    super.connectedCallback();
    this.timer = window.setInterval(() => document.visibilityState === 'visible' && void this.refresh(), refreshEvery);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('node') || changed.has('query')) {
      this.loaded = false;
      void this.refresh();
    }
  }

  private page(): number {
    const page = Number(this.query.get('page'));
    return Number.isInteger(page) && page > 0 ? page : 1;
  }

  private async refresh(): Promise<void> {
    const asked = ++this.asked;
    const params = new URLSearchParams({ page: String(this.page()), pagesize: String(pageSize) });
    for (const [key, name] of filters) {
      const value = this.query.get(key);
      if (value) {
        params.set(name, value);
      }
    }
    try {
      const reply = await envelope<TaskRow[]>(`/api/job/task/${seg(this.node)}?${params}`);
      if (asked !== this.asked) {
        return;
      }
      const rows = reply.data ?? [];
      this.total = reply.total;
      this.rows = reply.total === undefined ? rows.sort(runningFirst) : rows;
      this.error = '';
    } catch (error) {
      if (asked === this.asked) {
        this.error = (error as Error).message;
      }
    } finally {
      if (asked === this.asked) {
        this.loaded = true;
      }
    }
  }

  /** A new filter or page: kept in the URL without a history entry, then asked for. */
  private apply(query: URLSearchParams): void {
    setQuery(query);
    this.query = query;
  }

  private filter(event: Event): void {
    event.preventDefault();
    const form = new FormData(this.renderRoot.querySelector('form')!);
    const query = new URLSearchParams();
    for (const [key] of filters) {
      const value = String(form.get(key) ?? '').trim();
      if (value) {
        query.set(key, value);
      }
    }
    this.apply(query);
  }

  private goTo(page: number): void {
    const query = new URLSearchParams(this.query);
    if (page > 1) {
      query.set('page', String(page));
    } else {
      query.delete('page');
    }
    this.apply(query);
  }

  private pager() {
    if (this.total === undefined) {
      return nothing;
    }
    const pages = Math.max(1, Math.ceil(this.total / pageSize));
    const page = this.page();
    return html`<nav class="pager" aria-label="Pages">
      <button data-test="history-prev" ?disabled=${page <= 1} @click=${() => this.goTo(page - 1)}>Newer</button>
      <span data-test="history-page">Page ${page} of ${pages} (${this.total} runs)</span>
      <button data-test="history-next" ?disabled=${page >= pages} @click=${() => this.goTo(page + 1)}>Older</button>
    </nav>`;
  }

  render() {
    const q = this.query;
    return html`
      <h1>History</h1>
      <form @submit=${this.filter} @change=${this.filter} data-test="history-filters">
        <label>From <input type="date" name="from" .value=${q.get('from') ?? ''} data-test="history-from" /></label>
        <label>To <input type="date" name="to" .value=${q.get('to') ?? ''} data-test="history-to" /></label>
        <label>Status
          <select name="status" data-test="history-status">
            <option value="">Any</option>
            ${statuses.map((s) => html`<option value=${s} ?selected=${q.get('status') === s}>${s}</option>`)}
          </select>
        </label>
        <label>Name <input type="search" name="name" .value=${q.get('name') ?? ''} data-shortcut="search" data-test="history-name" /></label>
        <label>User <input type="search" name="user" .value=${q.get('user') ?? ''} data-test="history-user" /></label>
        <button type="submit" data-test="history-apply">Filter</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loaded && this.rows.length === 0 && !this.error ? html`<p class="muted" data-test="history-empty">No runs match.</p>` : nothing}
      <table data-test="history-table">
        <thead>
          <tr><th scope="col">Status</th><th scope="col">Name</th><th scope="col">User</th><th scope="col">Started</th><th scope="col">Runtime</th><th scope="col">By</th></tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) => html`<tr data-test="history-row-${r.uuid}">
              <td class="status status-${r.status}" title=${r.reason ?? ''}>${r.status}</td>
              <td><a href=${href(`/${this.node}/run/${r.uuid}`)} data-test="history-link-${r.uuid}">${r.name}</a></td>
              <td>${r.user}</td>
              <td>${r.starttime}</td>
              <td>${r.runtime ?? ''}</td>
              <td class="muted">${r.calltype}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.pager()}
    `;
  }
}
