import { type ActivityDeps } from '../deps';

/**
 * Records failed attempts on a task (wrong pickup codes) as the workflow counts them, and whether that
 * locked it; a manager's unlock sets it back to OPEN with no attempts. Absolute values, so a retry
 * lands in the same state. Only live tasks change.
 */
export function createSetTaskAttempts({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function setTaskAttempts({
    taskId,
    failedAttempts,
    locked,
  }: {
    taskId: string;
    failedAttempts: number;
    locked: boolean;
  }): Promise<{ status: string }> {
    await prisma.task.updateMany({
      where: { id: taskId, status: { in: ['OPEN', 'CLAIMED', 'LOCKED'] } },
      data: { failedAttempts, status: locked ? 'LOCKED' : 'OPEN' },
    });
    const task = await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true } });
    return { status: task.status };
  };
}
