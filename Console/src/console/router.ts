// Every view has a real URL under /console/. The product serves index.html for every extension-less path there.

export const base = '/console';

export interface Route {
  view: 'login' | 'jobs' | 'quick' | 'history' | 'run' | 'approvals' | 'home';
  /** The tree node (`:p`), when the view belongs to one. */
  node?: number;
  /** The task uuid of the run page. */
  task?: string;
  query: URLSearchParams;
}

const patterns: Array<[RegExp, (m: RegExpMatchArray) => Omit<Route, 'query'>]> = [
  [/^\/login$/, () => ({ view: 'login' })],
  [/^\/approvals$/, () => ({ view: 'approvals' })],
  [/^\/(\d+)\/jobs$/, (m) => ({ view: 'jobs', node: Number(m[1]) })],
  [/^\/(\d+)\/quick$/, (m) => ({ view: 'quick', node: Number(m[1]) })],
  [/^\/(\d+)\/history$/, (m) => ({ view: 'history', node: Number(m[1]) })],
  [/^\/(\d+)\/run\/([A-Za-z0-9]+)$/, (m) => ({ view: 'run', node: Number(m[1]), task: m[2] })],
];

export function parse(location: Location): Route {
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length).replace(/\/+$/, '') : '';
  const query = new URLSearchParams(location.search);
  for (const [pattern, build] of patterns) {
    const match = path.match(pattern);
    if (match) {
      return { ...build(match), query };
    }
  }
  return { view: 'home', query };
}

export function current(): Route {
  return parse(window.location);
}

/** Goes to `path` (relative to /console, e.g. `/12/jobs`), adding a history entry unless `replace`. */
export function navigate(path: string, replace = false): void {
  const url = base + path;
  if (url === window.location.pathname + window.location.search) {
    return;
  }
  if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  window.dispatchEvent(new Event('route'));
}

/** Keeps a view's filters in the URL without a new history entry. */
export function setQuery(query: URLSearchParams): void {
  const text = query.toString();
  history.replaceState(null, '', window.location.pathname + (text ? `?${text}` : ''));
}

/** Same-origin links inside the console navigate without a page load. */
export function interceptLinks(root: Document): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const anchor = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.origin !== window.location.origin || !anchor.pathname.startsWith(base + '/')) {
      return;
    }
    event.preventDefault();
    navigate(anchor.pathname.slice(base.length) + anchor.search);
  });
  window.addEventListener('popstate', () => window.dispatchEvent(new Event('route')));
}

export const href = (path: string): string => base + path;
