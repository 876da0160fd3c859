// Hosts for a run: the node's placed machines as a filterable checkbox list (by name and node group) that fills a
// comma-separated value, which can also be typed; the product checks every host when the step starts.
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { get, seg } from '../api';
import { shared } from '../styles';
import { NodeView } from '../node-view';

interface Group {
  id: number;
  name: string;
}

/** Beyond this many matches the list asks for a narrower filter instead of drawing every box. */
const shownLimit = 300;

const split = (csv: string): string[] =>
  csv
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h.length > 0);

/** The node's machines: built-in resources and the job node list, either of which the caller may not be allowed to read. */
async function placedHosts(node: number): Promise<string[]> {
  const lists = await Promise.allSettled([
    get<Array<{ name: string }>>(`/api/connector/default/node/${seg(node)}`),
    get<Array<{ name: string }>>(`/api/job/nodelist/${seg(node)}`),
  ]);
  const names = lists.flatMap((l) => (l.status === 'fulfilled' ? l.value.map((r) => r.name) : []));
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

@customElement('oc-host-picker')
export class HostPicker extends NodeView {
  static styles = [
    shared,
    css`
      fieldset {
        border: 1px solid var(--line);
        border-radius: 6px;
        display: grid;
        gap: 0.4rem;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 14rem;
        overflow: auto;
        columns: 14rem;
      }
      li label {
        font-family: var(--mono);
      }
      input[name='hosts'] {
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  /** The variable or field the hosts are for, in the legend and in data-test names. */
  @property() name = 'hosts';
  @property() value = '';
  @state() private hosts: string[] = [];
  @state() private groups: Group[] = [];
  @state() private groupHosts?: Set<string>;
  @state() private filter = '';
  @state() private error = '';

  protected load(): Promise<void> {
    return this.forNode(
      (node) => Promise.all([placedHosts(node), get<Group[]>(`/api/job/nodegroup/${seg(node)}`).catch(() => [] as Group[])]),
      ([hosts, groups]) => {
        this.hosts = hosts;
        this.groups = groups;
      },
    );
  }

  private async pickGroup(event: Event): Promise<void> {
    const id = (event.target as HTMLSelectElement).value;
    this.error = '';
    if (!id) {
      this.groupHosts = undefined;
      return;
    }
    try {
      this.groupHosts = new Set(await get<string[]>(`/api/job/nodegroup/${seg(this.node)}/${seg(id)}/nodelist`));
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private shown(): string[] {
    const text = this.filter.toLowerCase();
    const inGroup = this.groupHosts;
    return this.hosts.filter((h) => (!inGroup || inGroup.has(h)) && h.toLowerCase().includes(text));
  }

  private set(hosts: string[]): void {
    this.value = [...new Set(hosts)].join(',');
    this.dispatchEvent(new CustomEvent('hosts-change', { detail: this.value, bubbles: true, composed: true }));
  }

  private toggle(host: string, on: boolean): void {
    const chosen = split(this.value).filter((h) => h !== host);
    this.set(on ? [...chosen, host] : chosen);
  }

  render() {
    const shown = this.shown();
    const chosen = new Set(split(this.value));
    const id = `hosts-${this.name}`;
    return html`
      <fieldset>
        <legend>${this.name}</legend>
        <label class="visually-hidden" for=${id}>Hosts of ${this.name}, comma-separated</label>
        <input id=${id} name="hosts" data-test="hosts-${this.name}" .value=${this.value}
          placeholder="10.0.0.1,10.0.0.2" @input=${(e: Event) => this.set(split((e.target as HTMLInputElement).value))} />
        <div class="bar">
          <input type="search" aria-label="Filter hosts by name" placeholder="Filter hosts" data-test="host-filter-${this.name}"
            .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
          ${this.groups.length === 0
            ? nothing
            : html`<select aria-label="Node group" data-test="host-group-${this.name}" @change=${this.pickGroup}>
                <option value="">All hosts</option>
                ${this.groups.map((g) => html`<option value=${g.id}>${g.name}</option>`)}
              </select>`}
          <button type="button" data-test="host-all-${this.name}" @click=${() => this.set([...chosen, ...shown])}>Select shown (${shown.length})</button>
          <button type="button" data-test="host-none-${this.name}" @click=${() => this.set([])}>Clear</button>
          <span class="muted">${chosen.size} chosen of ${this.hosts.length} on this node</span>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <ul>
          ${shown.slice(0, shownLimit).map(
            (h) => html`<li><label><input type="checkbox" data-test="host-${h}" .checked=${chosen.has(h)}
              @change=${(e: Event) => this.toggle(h, (e.target as HTMLInputElement).checked)} /> ${h}</label></li>`,
          )}
        </ul>
        ${shown.length > shownLimit ? html`<p class="muted">${shown.length - shownLimit} more: narrow the filter.</p>` : nothing}
      </fieldset>
    `;
  }
}
