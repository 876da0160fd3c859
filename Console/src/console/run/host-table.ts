// A step's hosts as a table that renders only the rows in view (fixed row height, spacer rows above and below),
// so 500 or 5,000 hosts cost the same few dozen rows of DOM.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { shared } from '../styles';
import { HostRow } from './types';

const rowHeight = 30;
const overscan = 6;

@customElement('oc-host-table')
export class HostTable extends LitElement {
  static styles = [
    shared,
    css`
      .viewport {
        max-height: min(60vh, 28rem);
        overflow: auto;
        border: 1px solid var(--line);
        border-radius: 6px;
      }
      table {
        table-layout: fixed;
      }
      thead th {
        position: sticky;
        top: 0;
        background: var(--bg-soft);
        height: 30px;
        padding: 0 0.5rem;
        box-sizing: border-box;
      }
      tbody td {
        height: 30px;
        padding: 0 0.5rem;
        box-sizing: border-box;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        vertical-align: middle;
      }
      tr.above td {
        height: var(--above, 0);
        padding: 0;
        border: 0;
      }
      tr.below td {
        height: var(--below, 0);
        padding: 0;
        border: 0;
      }
      tr.chosen {
        background: var(--bg-soft);
      }
      .host {
        font-family: var(--mono);
        border: 0;
        background: none;
        color: var(--accent);
        padding: 0;
        text-decoration: underline;
      }
      .status-pending,
      .status-incomplete {
        color: var(--pending);
      }
      col.status {
        width: 7rem;
      }
      col.exit {
        width: 5rem;
      }
    `,
  ];

  @property({ attribute: false }) rows: HostRow[] = [];
  @property() selected = '';
  @state() private first = 0;
  @state() private visible = 30;
  @query('.viewport') private viewport!: HTMLElement;
  @query('tr.above') private above!: HTMLElement;
  @query('tr.below') private below!: HTMLElement;
  private frame = 0;
  private resize?: ResizeObserver;

  connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.measure());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  protected firstUpdated(): void {
    this.resize!.observe(this.viewport);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rows') && this.first > Math.max(0, this.rows.length - 1)) {
      this.first = Math.max(0, this.rows.length - this.visible);
    }
  }

  protected updated(): void {
    const end = Math.min(this.rows.length, this.first + this.visible);
    // Spacer heights go through CSSOM custom properties: the console's CSP forbids style attributes.
    this.above.style.setProperty('--above', `${this.first * rowHeight}px`);
    this.below.style.setProperty('--below', `${(this.rows.length - end) * rowHeight}px`);
  }

  private measure(): void {
    this.visible = Math.ceil(this.viewport.clientHeight / rowHeight) + 2 * overscan;
    this.onScroll();
  }

  private onScroll(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.first = Math.max(0, Math.floor(this.viewport.scrollTop / rowHeight) - overscan);
    });
  }

  /** Scrolls back to the top, after the rows were filtered. */
  toTop(): void {
    if (this.viewport) {
      this.viewport.scrollTop = 0;
    }
    this.first = 0;
  }

  private open(host: string): void {
    this.dispatchEvent(new CustomEvent('show-host', { detail: host, bubbles: true, composed: true }));
  }

  render() {
    const end = Math.min(this.rows.length, this.first + this.visible);
    const shown = this.rows.slice(this.first, end);
    return html`
      <div class="viewport" role="region" aria-label="Hosts of the step" tabindex="0" data-test="host-table" @scroll=${this.onScroll}>
        <table aria-rowcount=${this.rows.length + 1}>
          <colgroup><col /><col class="status" /><col class="exit" /><col /></colgroup>
          <thead>
            <tr aria-rowindex="1"><th scope="col">Host</th><th scope="col">Status</th><th scope="col">Exit</th><th scope="col">Reason</th></tr>
          </thead>
          <tbody>
            <tr class="above" aria-hidden="true"><td colspan="4"></td></tr>
            ${shown.map(
              (r, i) => html`<tr data-test="host-row" aria-rowindex=${this.first + i + 2} class=${r.node === this.selected ? 'chosen' : ''}>
                <td><button class="host" data-test="host-${r.node}" @click=${() => this.open(r.node)}>${r.node}</button></td>
                <td class="status-${r.status}">${r.status}</td>
                <td>${r.exitcode ?? ''}</td>
                <td title=${r.reason ?? ''}>${r.reason ?? ''}</td>
              </tr>`,
            )}
            <tr class="below" aria-hidden="true"><td colspan="4"></td></tr>
          </tbody>
        </table>
      </div>
    `;
  }
}
