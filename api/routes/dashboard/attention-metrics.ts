import { type PrismaClient, Prisma, type TaskQueue } from '../../../prisma/client';
import { type Period } from './reporting-period';
import { countOf, inStores } from './sql-fragments';

const openStatuses = Prisma.sql`('OPEN', 'CLAIMED', 'LOCKED')`;

/** Open tasks per queue now: how many, how many past their due time, how many locked (wrong codes). */
export async function openTasksByQueue(prisma: PrismaClient, storeIds: readonly string[] | undefined) {
  const rows = await prisma.$queryRaw<{ queue: TaskQueue; open: bigint; pastSla: bigint; locked: bigint }[]>`
    SELECT t.queue::text AS queue, count(*) AS open,
      count(*) FILTER (WHERE t.due_at < now()) AS "pastSla",
      count(*) FILTER (WHERE t.status = 'LOCKED') AS locked
    FROM tasks t
    WHERE t.status IN ${openStatuses} AND ${inStores(Prisma.sql`t.store_id`, storeIds)}
    GROUP BY t.queue ORDER BY t.queue`;
  return rows.map((row) => ({ queue: row.queue, open: countOf(row.open), pastSla: countOf(row.pastSla), locked: countOf(row.locked) }));
}

/** Tasks created in the period, and of those, the ones finished late or still open past their due time. */
export async function tasksCreated(prisma: PrismaClient, period: Period, storeIds: readonly string[] | undefined) {
  const [row] = await prisma.$queryRaw<{ created: bigint; pastSla: bigint }[]>`
    SELECT count(*) AS created,
      count(*) FILTER (WHERE t.due_at < coalesce(t.completed_at, CASE WHEN t.status IN ${openStatuses} THEN now() END)) AS "pastSla"
    FROM tasks t
    WHERE t.created_at >= ${period.from} AND t.created_at < ${period.to} AND ${inStores(Prisma.sql`t.store_id`, storeIds)}`;
  return { created: countOf(row?.created ?? 0), pastSla: countOf(row?.pastSla ?? 0) };
}

/**
 * Workflow starts that need a person (FAILED) or keep failing (PENDING after an attempt), now, and the
 * failed ones created in the period. A store filter follows the start's order to its pickup store.
 */
export async function workflowStartTrouble(prisma: PrismaClient, period: Period, storeIds: readonly string[] | undefined) {
  const [row] = await prisma.$queryRaw<{ failed: bigint; retrying: bigint; failedCreated: bigint }[]>`
    SELECT count(*) FILTER (WHERE ws.status = 'FAILED') AS failed,
      count(*) FILTER (WHERE ws.status = 'PENDING' AND ws.attempts > 0) AS retrying,
      count(*) FILTER (WHERE ws.status = 'FAILED' AND ws.created_at >= ${period.from} AND ws.created_at < ${period.to}) AS "failedCreated"
    FROM workflow_starts ws LEFT JOIN orders o ON o.id = ws.order_id
    WHERE ${inStores(Prisma.sql`o.pickup_store_id`, storeIds)}`;
  return { failed: countOf(row?.failed ?? 0), retrying: countOf(row?.retrying ?? 0), failedCreated: countOf(row?.failedCreated ?? 0) };
}
