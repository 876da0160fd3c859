// The frame around every view: node picker, navigation, approvals badge, theme, sign-out; it picks the view by URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { LoginLost, get, onLoginLost, raw } from './api';
import { Route, current, href, interceptLinks, navigate } from './router';
import { TreeNode, User, firstReadable, forgetPoints, rememberNode, rememberedNode, treeNodes, whoAmI } from './session';
import { shared } from './styles';
import { ShortcutHelp } from './shortcut-help';
import { bindShortcuts } from './shortcuts';
import { Theme, applyTheme, storedTheme, nextTheme } from './theme';
import './views/login';
import './views/jobs';
import './views/quick-command';
import './views/history';
import './views/approvals';
import './run/run-page';
import './shortcut-help';

const approvalPoll = 30_000;

@customElement('oc-app')
export class AppShell extends LitElement {
  static styles = [
    shared,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--line);
        background: var(--bg-soft);
      }
      .brand {
        font-weight: 700;
        color: var(--fg);
        text-decoration: none;
      }
      nav {
        display: flex;
        gap: 0.25rem;
        flex: 1;
      }
      nav a {
        padding: 0.3rem 0.6rem;
        border-radius: 6px;
        color: var(--fg);
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--bg);
        border: 1px solid var(--line);
      }
      .badge {
        display: inline-block;
        min-width: 1.2em;
        padding: 0 0.35em;
        margin-left: 0.25em;
        border-radius: 1em;
        background: var(--fail);
        color: var(--bg);
        font-size: 0.8em;
        text-align: center;
      }
      main {
        padding: 1rem;
        max-width: 1400px;
        margin: 0 auto;
      }
    `,
  ];

  @state() private route: Route = current();
  @state() private user?: User;
  @state() private nodes: TreeNode[] = [];
  @state() private node?: number;
  @state() private pending = 0;
  @state() private theme: Theme = storedTheme();
  @state() private failure = '';
  @query('oc-shortcut-help') private help?: ShortcutHelp;
  private timer?: number;
  private readonly cleanups: Array<() => void> = [];

  connectedCallback(): void {
    super.connectedCallback();
    applyTheme(this.theme);
    interceptLinks(document);
    const onRoute = () => this.routeChanged();
    window.addEventListener('route', onRoute);
    this.cleanups.push(() => window.removeEventListener('route', onRoute));
    this.cleanups.push(onLoginLost(() => this.loginLost()));
    this.cleanups.push(bindShortcuts({ go: (path) => this.go(path), toggleTheme: () => this.toggleTheme(), help: () => this.help?.show() }));
    const onVisible = () => document.visibilityState === 'visible' && this.refreshApprovals();
    document.addEventListener('visibilitychange', onVisible);
    this.cleanups.push(() => document.removeEventListener('visibilitychange', onVisible));
    void this.start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cleanups.forEach((cleanup) => cleanup());
    window.clearInterval(this.timer);
  }

  private async start(): Promise<void> {
    if (this.route.view === 'login') {
      return;
    }
    try {
      this.user = await whoAmI();
      this.nodes = await treeNodes();
      this.node = this.route.node ?? rememberedNode(this.nodes) ?? (await firstReadable(this.nodes));
      if (this.node !== undefined) {
        rememberNode(this.node);
      }
      this.routeChanged();
      void this.refreshApprovals();
      this.timer = window.setInterval(() => document.visibilityState === 'visible' && this.refreshApprovals(), approvalPoll);
    } catch (error) {
      if (!(error instanceof LoginLost)) {
        this.failure = String((error as Error).message ?? error);
      }
    }
  }

  /** Called by the login view once the session cookie is set. */
  signedIn(): void {
    forgetPoints();
    const next = this.route.query.get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    void this.start();
  }

  private loginLost(): void {
    if (this.route.view === 'login') {
      return;
    }
    this.user = undefined;
    window.clearInterval(this.timer);
    const here = window.location.pathname.slice('/console'.length) + window.location.search;
    navigate(`/login?next=${encodeURIComponent(here || '/')}`, true);
  }

  private routeChanged(): void {
    this.route = current();
    if (this.route.node !== undefined && this.route.node !== this.node) {
      this.node = this.route.node;
      rememberNode(this.node);
    }
    if (this.route.view === 'home' && this.user && this.node !== undefined) {
      navigate(`/${this.node}/jobs`, true);
    }
    const title = { login: 'Sign in', jobs: 'Jobs', quick: 'Quick command', history: 'History', run: 'Run', approvals: 'Approvals', home: 'Console' }[this.route.view];
    document.title = `${title} · OpenC3`;
  }

  private async refreshApprovals(): Promise<void> {
    if (!this.user) {
      return;
    }
    try {
      const rows = await get<Array<{ opinion: string; finishtime?: string | null }>>('/api/job/approval');
      this.pending = rows.filter((r) => r.opinion === 'unconfirmed' && !r.finishtime).length;
    } catch {
      // The badge is a hint: a failed poll leaves the last count.
    }
  }

  private go(path: string): void {
    navigate(path.replace(':p', String(this.node ?? '')));
  }

  private pickNode(event: Event): void {
    const node = Number((event.target as HTMLSelectElement).value);
    rememberNode(node);
    forgetPoints();
    const view = this.route.view === 'run' || this.route.view === 'home' || this.route.view === 'approvals' ? 'jobs' : this.route.view;
    this.node = node;
    navigate(`/${node}/${view}`);
  }

  private toggleTheme(): void {
    this.theme = nextTheme(this.theme);
    applyTheme(this.theme);
  }

  private async signOut(): Promise<void> {
    await raw('/api/connector/connectorx/ssologout').catch(() => undefined);
    this.user = undefined;
    navigate('/login', true);
  }

  render() {
    if (this.route.view === 'login') {
      return html`<main><oc-login @signed-in=${() => this.signedIn()}></oc-login></main>`;
    }
    return html`
      <header>
        <a class="brand" href=${href('/')}>OpenC3</a>
        ${this.picker()}
        <nav aria-label="Main">${this.links()}</nav>
        <button data-test="theme-toggle" @click=${this.toggleTheme} title="Theme (t)">Theme: ${this.theme}</button>
        <button data-test="shortcuts-button" @click=${() => this.help?.show()} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
        <span class="muted">${this.user?.name ?? ''}</span>
        <button data-test="sign-out" @click=${this.signOut}>Sign out</button>
      </header>
      <main>${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}${this.view()}</main>
      <oc-shortcut-help></oc-shortcut-help>
    `;
  }

  /** The nodes the caller sees; a node opened by its URL that is not among them (no grant there) is still named. */
  private picker() {
    if (this.nodes.length === 0) {
      return nothing;
    }
    const listed = this.nodes.some((n) => n.id === this.node);
    return html`
      <label class="visually-hidden" for="node">Tree node</label>
      <select id="node" data-test="node-picker" @change=${this.pickNode}>
        ${listed || this.node === undefined ? nothing : html`<option value=${this.node} selected>${this.node}</option>`}
        ${this.nodes.map((n) => html`<option value=${n.id} ?selected=${n.id === this.node}>${n.name} (${n.id})</option>`)}
      </select>
    `;
  }

  private links() {
    const node = this.node;
    const link = (view: Route['view'], path: string, label: string, extra: unknown = nothing) =>
      html`<a href=${href(path)} data-test="nav-${view}" aria-current=${this.route.view === view ? 'page' : 'false'}>${label}${extra}</a>`;
    return html`
      ${node === undefined ? nothing : link('jobs', `/${node}/jobs`, 'Jobs')}
      ${node === undefined ? nothing : link('quick', `/${node}/quick`, 'Quick command')}
      ${node === undefined ? nothing : link('history', `/${node}/history`, 'History')}
      ${link('approvals', '/approvals', 'Approvals', this.pending > 0 ? html`<span class="badge" data-test="approvals-badge" aria-label="${this.pending} pending">${this.pending}</span>` : nothing)}
    `;
  }

  private view() {
    if (!this.user) {
      return nothing;
    }
    const r = this.route;
    switch (r.view) {
      case 'jobs':
        return html`<oc-jobs .node=${r.node!}></oc-jobs>`;
      case 'quick':
        return html`<oc-quick-command .node=${r.node!}></oc-quick-command>`;
      case 'history':
        return html`<oc-history .node=${r.node!} .query=${r.query}></oc-history>`;
      case 'run':
        return html`<oc-run-page .node=${r.node!} .task=${r.task!} .query=${r.query}></oc-run-page>`;
      case 'approvals':
        return html`<oc-approvals @decided=${() => this.refreshApprovals()}></oc-approvals>`;
      default:
        return this.nodes.length === 0
          ? html`<p data-test="no-node">No tree node is visible to you yet: ask an administrator to grant you one. Your approvals are under Approvals.</p>`
          : nothing;
    }
  }
}
