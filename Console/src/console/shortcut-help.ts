// The list of keyboard shortcuts, in a modal dialog opened with `?` or the header's button; Esc or Close shuts it.
import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { shortcutList } from './shortcuts';
import { shared } from './styles';

@customElement('oc-shortcut-help')
export class ShortcutHelp extends LitElement {
  static styles = [
    shared,
    css`
      dialog {
        width: min(28rem, 92vw);
      }
      kbd {
        font-family: var(--mono);
        padding: 0 0.35em;
        border: 1px solid var(--line);
        border-radius: 4px;
        background: var(--bg-soft);
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-top: 0.75rem;
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;

  show(): void {
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
  }

  render() {
    return html`
      <dialog aria-labelledby="shortcuts-title" data-test="shortcut-help">
        <h1 id="shortcuts-title">Keyboard shortcuts</h1>
        <table>
          <thead><tr><th scope="col">Keys</th><th scope="col">Does</th></tr></thead>
          <tbody>
            ${shortcutList.map(
              (s) => html`<tr data-test="shortcut"><td>${s.keys.map((k, i) => html`${i > 0 ? ' then ' : ''}<kbd>${k}</kbd>`)}</td><td>${s.does}</td></tr>`,
            )}
          </tbody>
        </table>
        <div class="actions"><button class="primary" data-test="shortcut-help-close" @click=${() => this.dialog.close()}>Close</button></div>
      </dialog>
    `;
  }
}
