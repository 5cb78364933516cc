import { type ActivityDeps } from '../deps';

/** Moves a task whose SLA ran out to the store manager's queue, noting when; only while it is still open. */
export function createEscalateTask({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function escalateTask({ taskId }: { taskId: string }): Promise<{ escalated: boolean }> {
    const escalatedAt = new Date().toISOString();
    const count = await prisma.$executeRaw`
      UPDATE tasks SET queue = 'MANAGER', payload = payload || jsonb_build_object('escalatedAt', ${escalatedAt}::text), updated_at = now()
      WHERE id = ${taskId}::uuid AND status IN ('OPEN', 'CLAIMED') AND queue <> 'MANAGER'`;
    return { escalated: count > 0 };
  };
}
