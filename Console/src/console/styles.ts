// Styles every view shares (buttons, forms, tables, status colours); each view adds only its own.
import { css } from 'lit';

export const shared = css`
  :host {
    display: block;
    color: var(--fg);
  }
  *:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
  h1 {
    font-size: 1.3rem;
    margin: 0 0 0.75rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 1rem 0 0.5rem;
  }
  button,
  .button {
    font: inherit;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--line);
    border-radius: 6px;
    background: var(--bg-soft);
    color: var(--fg);
    cursor: pointer;
    text-decoration: none;
    display: inline-block;
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-fg);
  }
  button.danger {
    color: var(--fail);
    border-color: var(--fail);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--fg);
    background: var(--bg);
    border: 1px solid var(--line);
    border-radius: 6px;
    padding: 0.25rem 0.5rem;
  }
  textarea,
  pre,
  code {
    font-family: var(--mono);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--line);
    vertical-align: top;
  }
  th {
    color: var(--fg-soft);
    font-weight: 600;
  }
  a {
    color: var(--accent);
  }
  .muted {
    color: var(--fg-soft);
  }
  .error {
    color: var(--fail);
  }
  .status-success {
    color: var(--ok);
  }
  .status-fail,
  .status-refuse {
    color: var(--fail);
  }
  .status-running {
    color: var(--run);
  }
  .status-decision,
  .status-waiting,
  .status-ready {
    color: var(--wait);
  }
  dialog {
    color: var(--fg);
    background: var(--bg);
    border: 1px solid var(--line);
    border-radius: 8px;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
