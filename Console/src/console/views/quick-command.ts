// A one-off command on chosen hosts: an inline or stored script, an account, a timeout, and whether a failed host
// should wait for a decision (so it can be retried) instead of failing the run at once.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { get, post, seg } from '../api';
import { navigate } from '../router';
import { can } from '../session';
import { shared } from '../styles';
import './host-picker';
import { NodeView } from '../node-view';

interface Script {
  id: number;
  name: string;
  type: string;
}

const inlineTypes = ['shell', 'python', 'perl', 'php', 'auto'];

@customElement('oc-quick-command')
export class QuickCommandView extends NodeView {
  static styles = [
    shared,
    css`
      form {
        display: grid;
        gap: 0.7rem;
        max-width: 60rem;
      }
      label.field {
        display: grid;
        gap: 0.2rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: end;
      }
      textarea {
        min-height: 10rem;
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  @state() private allowed?: boolean;
  @state() private scripts: Script[] = [];
  @state() private stored = false;
  @state() private hosts = '';
  @state() private busy = false;
  @state() private error = '';

  protected load(): Promise<void> {
    return this.forNode(
      (node) => Promise.all([can('openc3_job_write', node), get<Script[]>(`/api/job/scripts/${seg(node)}`).catch(() => [] as Script[])]),
      ([allowed, scripts]) => {
        this.allowed = allowed;
        this.scripts = scripts;
      },
    );
  }

  private async start(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // No idempotency key on this route: the one guard against a double click is not sending twice.
    if (this.busy) {
      return;
    }
    if (!this.hosts) {
      this.error = 'Choose at least one host';
      return;
    }
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    this.busy = true;
    this.error = '';
    try {
      const started = await post<{ uuid: string }>(`/api/job/task/${seg(this.node)}/plugin_cmd`, {
        name: text('name'),
        user: text('user'),
        node_type: 'builtin',
        node_cont: this.hosts,
        scripts_type: this.stored ? 'cite' : text('type'),
        scripts_cont: this.stored ? text('script') : text('cont'),
        timeout: text('timeout') || undefined,
        decide_on_fail: form.get('decide') ? 1 : 0,
      });
      navigate(`/${this.node}/run/${started.uuid}`);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private script() {
    if (this.stored) {
      return html`<label class="field">Stored script
        <select name="script" required data-test="quick-script">
          <option value="">Choose…</option>
          ${this.scripts.map((s) => html`<option value=${s.id}>${s.name} (${s.type})</option>`)}
        </select></label>`;
    }
    return html`
      <label class="field">Interpreter
        <select name="type" data-test="quick-type">${inlineTypes.map((t) => html`<option value=${t}>${t}</option>`)}</select></label>
      <label class="field">Script <textarea name="cont" required spellcheck="false" data-test="quick-cont"></textarea></label>`;
  }

  render() {
    if (this.allowed === undefined) {
      return html`<h1>Quick command</h1><p class="muted">Loading…</p>`;
    }
    if (!this.allowed) {
      return html`<h1>Quick command</h1><p data-test="quick-denied">You need the point openc3_job_write on this node to run commands.</p>`;
    }
    return html`
      <h1>Quick command</h1>
      <form @submit=${this.start} data-test="quick-form">
        <div class="row">
          <label class="field">Name <input name="name" required maxlength="100" value="quick command" data-test="quick-name" /></label>
          <label class="field">Account <input name="user" required pattern="[A-Za-z0-9_]+" autocomplete="off" data-test="quick-user" /></label>
          <label class="field">Timeout (s) <input name="timeout" type="number" min="1" value="60" data-test="quick-timeout" /></label>
        </div>
        <fieldset class="row">
          <legend>Script</legend>
          <label><input type="radio" name="source" value="inline" .checked=${!this.stored} @change=${() => (this.stored = false)} data-test="quick-inline" /> Inline</label>
          <label><input type="radio" name="source" value="stored" .checked=${this.stored} @change=${() => (this.stored = true)} data-test="quick-stored" /> Stored script</label>
        </fieldset>
        ${this.script()}
        <oc-host-picker .node=${this.node} name="hosts" .value=${this.hosts} @hosts-change=${(e: CustomEvent<string>) => (this.hosts = e.detail)}></oc-host-picker>
        <label><input type="checkbox" name="decide" value="1" data-test="quick-decide" /> Wait for a decision when a host fails (retry, ignore or fail it)</label>
        ${this.error ? html`<p class="error" role="alert" data-test="quick-error">${this.error}</p>` : nothing}
        <div><button class="primary" type="submit" ?disabled=${this.busy} data-test="quick-start">Run</button></div>
      </form>
    `;
  }
}
