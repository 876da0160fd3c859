// Who is signed in, which tree node they work on, and which points they hold there.
import { get, raw, seg } from './api';

export interface User {
  name: string;
  admin: boolean;
}

export interface TreeNode {
  id: number;
  name: string;
}

const nodeKey = 'openc3.console.node';

/** The signed-in user (upstream's userinfo reply has no envelope: `{name, email, admin}`). */
export async function whoAmI(): Promise<User> {
  const data = await raw<{ email?: string; admin?: number }>('/api/connector/connectorx/sso/userinfo');
  return { name: data.email ?? '', admin: Number(data.admin) === 1 };
}

/** The node picked last in this browser, if the caller still sees it. */
export function rememberedNode(nodes: readonly TreeNode[]): number | undefined {
  const value = localStorage.getItem(nodeKey);
  return nodes.find((n) => String(n.id) === value)?.id;
}

export function rememberNode(node: number): void {
  localStorage.setItem(nodeKey, String(node));
}

/** Upstream's name for node 0, the root above every tree node, where admins work. */
const rootName = 'ROOT';

/**
 * The nodes the caller sees, as upstream's tree shows them: those granted, their ancestors and descendants (all of them
 * for a global level), each named by its dotted path; node 0 first for callers who may change jobs there. Every login
 * may read node 0, so reading cannot tell its admins from a user who was granted nothing; changing it takes
 * `openc3_job_root`.
 */
export async function treeNodes(): Promise<TreeNode[]> {
  const [paths, root] = await Promise.all([
    get<Record<string, string>>('/api/connector/connectorx/usertree/treemap'),
    can('openc3_job_write', 0),
  ]);
  const nodes = Object.entries(paths)
    .map(([id, name]) => ({ id: Number(id), name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return root ? [{ id: 0, name: rootName }, ...nodes] : nodes;
}

/** The first of the nodes where the caller may read jobs, asked in order: the node a first visit opens. */
export async function firstReadable(nodes: readonly TreeNode[]): Promise<number | undefined> {
  for (const node of nodes) {
    if (await can('openc3_job_read', node.id)) {
      return node.id;
    }
  }
  return nodes[0]?.id;
}

const points = new Map<string, Promise<boolean>>();

/** Whether the caller holds `point` on `node` (asked once per page load); buttons without it are hidden. */
export function can(point: string, node: number): Promise<boolean> {
  const key = `${point}@${node}`;
  let answer = points.get(key);
  if (!answer) {
    answer = get<number>(`/api/connector/connectorx/point?point=${seg(point)}&treeid=${seg(node)}`).then(
      (v) => Number(v) === 1,
      () => false,
    );
    points.set(key, answer);
  }
  return answer;
}

export function forgetPoints(): void {
  points.clear();
}
