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

export function rememberedNode(): number | undefined {
  const value = Number(localStorage.getItem(nodeKey));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function rememberNode(node: number): void {
  localStorage.setItem(nodeKey, String(node));
}

export async function treeNodes(): Promise<TreeNode[]> {
  const rows = await get<Array<{ id: number; name: string }>>('/api/connector/default/tree/map');
  return rows.map((r) => ({ id: Number(r.id), name: r.name })).sort((a, b) => a.name.localeCompare(b.name));
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
