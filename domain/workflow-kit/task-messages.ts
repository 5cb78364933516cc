import { defineUpdate } from '@temporalio/workflow';
import { type ProcessActor } from './process-actor';
import { type TaskOutcomeBase } from './task-outcome';

/**
 * The Updates every workflow that waits on human tasks accepts. The API forwards a person's completion
 * here after checking their role and store; the workflow's validator rejects a task that is not the
 * one it waits for (done already, or out of turn), which the API answers with 409.
 */

export type { TaskOutcomeBase } from './task-outcome';

export interface CompleteTaskRequest<Outcome extends TaskOutcomeBase = TaskOutcomeBase> {
  taskId: string;
  actor: ProcessActor;
  outcome: Outcome;
  /** The API request that carried it, so the audit row the workflow's activity writes names it. */
  requestId?: string;
}

export interface CompleteTaskResult {
  taskId: string;
  /** False when the outcome was recorded but did not complete the task (a wrong pickup code). */
  completed: boolean;
  taskStatus: 'DONE' | 'OPEN' | 'LOCKED';
  message: string;
  /** Wrong codes still allowed before the task locks (HANDOVER only). */
  attemptsLeft?: number;
}

export interface UnlockTaskRequest {
  taskId: string;
  actor: ProcessActor;
  requestId?: string;
}

export interface UnlockTaskResult {
  taskId: string;
  taskStatus: 'OPEN';
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskRequest]>('completeTask');
export const unlockTaskUpdate = defineUpdate<UnlockTaskResult, [UnlockTaskRequest]>('unlockTask');

/** Failure types the validators reject with; the API maps them to 409 with the failure's message. */
export const TASK_NOT_CURRENT = 'TASK_NOT_CURRENT';
export const TASK_LOCKED = 'TASK_LOCKED';
