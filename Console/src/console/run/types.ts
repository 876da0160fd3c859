// The shapes of the product's replies the run page reads (see Api/Job/Tasks and docs/console contract).

export interface Task {
  uuid: string;
  name: string;
  user: string;
  slave: string;
  status: string;
  starttime: string | null;
  finishtime: string | null;
  runtime: string | null;
  reason: string | null;
  variable: string | null;
  jobtype: string | null;
}

export interface Step {
  id: number;
  uuid: string;
  subtask_type: string;
  nodecount: string | number | null;
  starttime: string | null;
  finishtime: string | null;
  runtime: string | null;
  status: string | null;
  pause: string | null;
  extended: { name?: string } | null;
}

export interface HostRow {
  node: string;
  status: string;
  exitcode: number | null;
  reason: string | null;
}

export interface StepDetail extends Step {
  hosts: HostRow[] | null;
}

export interface Counts {
  success: number;
  fail: number;
  running: number;
  pending: number;
}

export interface Group {
  key: string;
  status: string;
  exitcode: number | null;
  reason: string | null;
  count: number;
  hosts: string[];
  sample: string | null;
  cut: boolean;
}

export interface Groups {
  status: string | null;
  total: number;
  counts: Counts;
  groups: Group[];
}

export interface HostOutput {
  host: string;
  status: string;
  exitcode: number | null;
  reason: string | null;
  output: string;
  cut: boolean;
}

/** The task states after which nothing on the page changes any more. */
export const finished = (status: string | undefined | null): boolean => status === 'success' || status === 'fail' || status === 'refuse';

/** The host filters of the table, as kept in the URL (`filter=`). */
export type HostFilter = 'all' | 'success' | 'fail' | 'running' | 'pending';

export const hostFilters: HostFilter[] = ['all', 'success', 'fail', 'running', 'pending'];

/** Which filter a host's status falls under: every finished host that did not succeed counts as failed. */
export function filterOf(status: string): HostFilter {
  if (status === 'success' || status === 'running' || status === 'pending') {
    return status;
  }
  return 'fail';
}
