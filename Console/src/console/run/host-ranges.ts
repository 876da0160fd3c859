// Host lists as people read them: runs of consecutive IPv4 addresses collapse into `a.b.c.x-y`.

const ipv4 = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.(\d{1,3})$/;

/** `["10.0.0.1","10.0.0.2","10.0.0.3","web1"]` → `["10.0.0.1-3","web1"]`, in the given order of first appearance. */
export function ranges(hosts: readonly string[]): string[] {
  const out: string[] = [];
  let prefix = '';
  let first = -1;
  let last = -1;
  const flush = () => {
    if (first >= 0) {
      out.push(first === last ? `${prefix}.${first}` : `${prefix}.${first}-${last}`);
      first = -1;
    }
  };
  for (const host of hosts) {
    const match = host.match(ipv4);
    if (!match) {
      flush();
      out.push(host);
      continue;
    }
    const n = Number(match[2]);
    if (first >= 0 && match[1] === prefix && n === last + 1) {
      last = n;
      continue;
    }
    flush();
    prefix = match[1];
    first = n;
    last = n;
  }
  flush();
  return out;
}

/** Numbers inside names compare as numbers: 10.0.0.2 before 10.0.0.11. */
const natural = new Intl.Collator(undefined, { numeric: true });

/** At most `limit` ranges of the hosts in natural order, joined, with how many hosts were left out. */
export function shortList(hosts: readonly string[], limit = 8): { text: string; more: number } {
  const all = ranges([...hosts].sort(natural.compare));
  if (all.length <= limit) {
    return { text: all.join(', '), more: 0 };
  }
  const shown = all.slice(0, limit);
  const counted = shown.reduce((sum, r) => sum + rangeSize(r), 0);
  return { text: shown.join(', '), more: hosts.length - counted };
}

function rangeSize(range: string): number {
  const match = range.match(/\.(\d+)-(\d+)$/);
  return match ? Number(match[2]) - Number(match[1]) + 1 : 1;
}
