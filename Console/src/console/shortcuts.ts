// Keyboard shortcuts: `g` then a letter goes to a view, `t` cycles the theme, `/` focuses a view's search box.

const views: Record<string, string> = { j: '/:p/jobs', q: '/:p/quick', h: '/:p/history', a: '/approvals' };

function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0] as HTMLElement | undefined;
  return !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Binds the shortcuts to the document; returns the unbinding. */
export function bindShortcuts(go: (path: string) => void, toggleTheme: () => void): () => void {
  let prefix = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) {
      return;
    }
    if (prefix) {
      prefix = false;
      if (views[event.key]) {
        event.preventDefault();
        go(views[event.key]);
      }
      return;
    }
    if (event.key === 'g') {
      prefix = true;
    } else if (event.key === 't') {
      toggleTheme();
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
