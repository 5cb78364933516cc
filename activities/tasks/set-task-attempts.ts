import { recordAudit } from '../../db/audit/record-audit';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type TaskStatus } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface SetTaskAttemptsRequest {
  taskId: string;
  failedAttempts: number;
  locked: boolean;
  /** The person whose action this records (a wrong code typed, a manager's unlock); audited with the change. */
  actor?: ProcessActor;
  requestId?: string;
}

/**
 * Records failed attempts on a task (wrong pickup codes) as the workflow counts them, and whether that
 * locked it; a manager's unlock sets it back to OPEN with no attempts. Absolute values, so a retry
 * lands in the same state (and, finding nothing to change, audits nothing). Only live tasks change. The
 * audit row (`task.code-rejected`, `task.unlock`) is written in the same transaction as the change.
 */
export function createSetTaskAttempts({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setTaskAttempts({
    taskId,
    failedAttempts,
    locked,
    actor,
    requestId,
  }: SetTaskAttemptsRequest): Promise<{ status: string }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [task] = await tx.$queryRaw<{ status: TaskStatus; failed_attempts: number; workflow_id: string }[]>`
          SELECT status::text AS status, failed_attempts, workflow_id FROM tasks WHERE id = ${taskId}::uuid FOR UPDATE`;
        if (task === undefined) return { status: 'MISSING' };
        const status: TaskStatus = locked ? 'LOCKED' : 'OPEN';
        const live = task.status === 'OPEN' || task.status === 'CLAIMED' || task.status === 'LOCKED';
        if (!live || (task.failed_attempts === failedAttempts && task.status === status)) return { status: task.status };
        await tx.task.update({ where: { id: taskId }, data: { failedAttempts, status } });
        if (actor !== undefined) {
          await recordAudit(tx, {
            actor,
            action: task.status === 'LOCKED' && !locked ? 'task.unlock' : 'task.code-rejected',
            entityType: 'Task',
            entityId: taskId,
            before: { status: task.status, failedAttempts: task.failed_attempts },
            after: { status, failedAttempts },
            workflowId: task.workflow_id,
            requestId,
          });
        }
        return { status };
      }),
    );
  };
}
