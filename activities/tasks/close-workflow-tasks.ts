import { type ActivityDeps } from '../deps';

/**
 * Closes every task of a workflow still waiting for someone (open, claimed or locked) when the process
 * ends without them: CANCELLED (order cancelled) or EXPIRED (pickup window ran out).
 */
export function createCloseWorkflowTasks({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function closeWorkflowTasks({
    workflowId,
    status,
  }: {
    workflowId: string;
    status: 'CANCELLED' | 'EXPIRED';
  }): Promise<{ closed: number }> {
    const { count } = await prisma.task.updateMany({
      where: { workflowId, status: { in: ['OPEN', 'CLAIMED', 'LOCKED'] } },
      data: { status, completedAt: new Date() },
    });
    return { closed: count };
  };
}
