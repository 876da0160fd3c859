// The raw log of the run or of one step, live from the product's log websocket, shown as capped plain text.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { shared } from '../styles';
import { CappedLog, frameText } from './log-text';

@customElement('oc-raw-log')
export class RawLog extends LitElement {
  static styles = [
    shared,
    css`
      pre {
        margin: 0;
        padding: 0.5rem;
        height: min(65vh, 36rem);
        overflow: auto;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--bg-soft);
        border: 1px solid var(--line);
        border-radius: 6px;
      }
      .head {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        margin-bottom: 0.4rem;
      }
    `,
  ];

  /** The task's slave, part of upstream's websocket path. */
  @property() slave = '';
  /** The log's id: the task uuid, or task + step uuid + step type. */
  @property() log = '';
  @state() private cut = false;
  @state() private connection = 'connecting';
  @query('pre') private pre!: HTMLPreElement;
  private socket?: WebSocket;
  private readonly text = new CappedLog();
  private frame = 0;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  protected updated(changed: Map<string, unknown>): void {
    if (changed.has('log') || changed.has('slave')) {
      this.open();
    }
  }

  private open(): void {
    this.close();
    this.text.clear();
    this.cut = false;
    this.paint();
    if (!this.log) {
      return;
    }
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const slave = encodeURIComponent(this.slave || 'any');
    const socket = new WebSocket(`${scheme}//${window.location.host}/api/job/slave/${slave}/ws?uuid=${encodeURIComponent(this.log)}`);
    this.socket = socket;
    this.connection = 'connecting';
    socket.onopen = () => (this.connection = 'live');
    socket.onclose = () => this.socket === socket && (this.connection = 'closed');
    socket.onmessage = (event: MessageEvent) => {
      this.text.append(frameText(String(event.data)));
      this.schedulePaint();
    };
  }

  private close(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
    cancelAnimationFrame(this.frame);
  }

  /** Frames can come many times a second: the text is written at most once per animation frame. */
  private schedulePaint(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.paint();
      });
    }
  }

  private paint(): void {
    const pre = this.pre;
    if (!pre) {
      return;
    }
    const following = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    pre.textContent = this.text.text();
    this.cut = this.text.cut;
    if (following) {
      pre.scrollTop = pre.scrollHeight;
    }
  }

  render() {
    return html`
      <div class="head">
        <span class="muted" role="status" data-test="log-state">${this.connection}</span>
        ${this.cut ? html`<span class="muted" data-test="log-cut">Older lines are cut: only the last 2,000 lines (at most 1 MB) are shown.</span>` : nothing}
      </div>
      <pre data-test="raw-log" tabindex="0" aria-label="Raw log"></pre>
    `;
  }
}
