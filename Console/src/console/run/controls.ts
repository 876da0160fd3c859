// Decisions on a step, as upstream's run page sends them: POST for a decision (retry failed = `running`, with
// optional chosen `hosts`; `ignore`; `fail`), PUT `next` to go on after a step's pause.
import { post, put, seg } from '../api';
import { Step } from './types';

export type Decision = 'running' | 'ignore' | 'fail';

export function decide(node: number, task: string, step: Step, control: Decision, hosts?: string[]): Promise<unknown> {
  return post(`/api/job/subtask/${seg(node)}`, { taskuuid: task, subtaskuuid: step.uuid, subtasktype: step.subtask_type, control, ...(hosts ? { hosts } : {}) });
}

export function continueAfterPause(node: number, task: string, step: Step): Promise<unknown> {
  return put(`/api/job/subtask/${seg(node)}`, { taskuuid: task, subtaskuuid: step.uuid, subtasktype: step.subtask_type, control: 'next' });
}

/** Tells the page to poll now, after an action changed the run. */
export function announceChange(from: EventTarget): void {
  from.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
}
