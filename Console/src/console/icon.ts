// The console's icon, named by the page itself, so browsers stop asking the product for a /favicon.ico it does not
// have. A data: URL (the page's CSP allows data: images), so the icon needs no file of its own beside the bundles.

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#1f5fbf"/>' +
  '<path d="M21 10.5a8 8 0 1 0 0 11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>' +
  '<circle cx="24.5" cy="16" r="2.3" fill="#fff"/>' +
  '</svg>';

export function addIcon(head: HTMLHeadElement): void {
  const link = document.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  link.href = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  head.append(link);
}
