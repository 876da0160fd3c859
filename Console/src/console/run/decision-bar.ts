// The step's waiting point: retry failed / ignore / fail while it awaits a decision, Continue while it is paused.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { shared } from '../styles';
import { Decision, announceChange, continueAfterPause, decide } from './controls';
import { Step } from './types';

@customElement('oc-decision-bar')
export class DecisionBar extends LitElement {
  static styles = [
    shared,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 0.5rem;
        margin: 0.5rem 0;
        border: 1px solid var(--wait);
        border-radius: 6px;
      }
    `,
  ];

  @property({ type: Number }) node = 0;
  @property() task = '';
  @property({ attribute: false }) step?: Step;
  @property({ type: Boolean }) canDecide = false;
  @property({ type: Boolean }) canContinue = false;
  @state() private busy = false;
  @state() private message = '';

  private async run(action: () => Promise<unknown>, done: string): Promise<void> {
    this.busy = true;
    try {
      await action();
      this.message = done;
      announceChange(this);
    } catch (error) {
      this.message = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private decide(control: Decision, done: string): Promise<void> {
    return this.run(() => decide(this.node, this.task, this.step!, control), done);
  }

  render() {
    const step = this.step;
    const deciding = step?.status === 'decision' && this.canDecide;
    // A paused step keeps its pause text until `next` clears it; the pause holds the run once the step ended.
    const paused = !!step?.pause && !!step.status && step.status !== 'running' && step.status !== 'decision' && this.canContinue;
    if (!deciding && !paused) {
      return this.message ? html`<p class="muted" role="status">${this.message}</p>` : nothing;
    }
    return html`
      <div class="bar" role="group" aria-label="Decision">
        ${deciding
          ? html`<strong class="status-decision">Some hosts failed: decide how to go on.</strong>
              <button class="primary" data-test="decide-retry" ?disabled=${this.busy} @click=${() => this.decide('running', 'retrying the failed hosts')}>Retry failed</button>
              <button data-test="decide-ignore" ?disabled=${this.busy} @click=${() => this.decide('ignore', 'failures ignored')}>Ignore</button>
              <button class="danger" data-test="decide-fail" ?disabled=${this.busy} @click=${() => this.decide('fail', 'step failed')}>Fail</button>`
          : html`<strong class="status-waiting">Paused: ${step!.pause}</strong>
              <button class="primary" data-test="continue" ?disabled=${this.busy} @click=${() => this.run(() => continueAfterPause(this.node, this.task, step!), 'going on')}>
                Continue
              </button>`}
        ${this.message ? html`<span class="muted" role="status">${this.message}</span>` : nothing}
      </div>
    `;
  }
}
