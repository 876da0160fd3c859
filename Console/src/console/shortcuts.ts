// Keyboard shortcuts: `g` then a letter goes to a view, `t` cycles the theme, `/` focuses a view's search box, `?` lists
// them all; a view may add keys of its own while it is on the page.

const views: Record<string, { path: string; label: string }> = {
  j: { path: '/:p/jobs', label: 'Jobs of the node' },
  q: { path: '/:p/quick', label: 'Quick command' },
  h: { path: '/:p/history', label: 'History' },
  a: { path: '/approvals', label: 'Approvals' },
};

/** Every shortcut, as the help lists them. */
export const shortcutList: ReadonlyArray<{ keys: string[]; does: string }> = [
  ...Object.entries(views).map(([key, view]) => ({ keys: ['g', key], does: view.label })),
  { keys: ['t'], does: 'Next theme: system, light, dark' },
  { keys: ['/'], does: 'Search box of the page' },
  { keys: ['f'], does: 'Run page: next host status filter' },
  { keys: ['?'], does: 'This list' },
  { keys: ['Esc'], does: 'Close a dialog' },
];

export interface ShortcutActions {
  go: (path: string) => void;
  toggleTheme: () => void;
  help: () => void;
}

/** Keys the view on the page adds (the run page's filter key). */
const viewKeys = new Map<string, () => void>();

/** Binds `key` to `action` while a view is on the page; returns the unbinding. */
export function bindViewKey(key: string, action: () => void): () => void {
  viewKeys.set(key, action);
  return () => {
    if (viewKeys.get(key) === action) {
      viewKeys.delete(key);
    }
  };
}

function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0] as HTMLElement | undefined;
  return !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Binds the shortcuts to the document; returns the unbinding. */
export function bindShortcuts(actions: ShortcutActions): () => void {
  let prefix = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) {
      return;
    }
    if (prefix) {
      prefix = false;
      if (views[event.key]) {
        event.preventDefault();
        actions.go(views[event.key].path);
      }
      return;
    }
    const viewAction = viewKeys.get(event.key);
    if (viewAction) {
      event.preventDefault();
      viewAction();
    } else if (event.key === 'g') {
      prefix = true;
    } else if (event.key === 't') {
      actions.toggleTheme();
    } else if (event.key === '?') {
      event.preventDefault();
      actions.help();
    } else if (event.key === '/') {
      // Views mark their search box; the first one on the page gets the focus.
      const search = findSearch(document);
      if (search) {
        event.preventDefault();
        search.focus();
      }
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

function findSearch(root: Document | ShadowRoot): HTMLElement | null {
  const here = root.querySelector<HTMLElement>('[data-shortcut="search"]');
  if (here) {
    return here;
  }
  for (const host of Array.from(root.querySelectorAll('*'))) {
    const inner = host.shadowRoot && findSearch(host.shadowRoot);
    if (inner) {
      return inner;
    }
  }
  return null;
}
