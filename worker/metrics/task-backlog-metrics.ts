import { Gauge } from 'prom-client';
import { type PrismaClient } from '../../prisma/client';
import { type WorkerMetrics } from './worker-metrics';

interface BacklogRow {
  queue: string;
  status: string;
  count: number;
  oldestSeconds: number | null;
}

/** Human tasks waiting for someone: open, claimed but not done, or locked (a manager must unlock). */
const waitingStatuses = ['OPEN', 'CLAIMED', 'LOCKED'] as const;

function readBacklog(prisma: PrismaClient): Promise<BacklogRow[]> {
  return prisma.$queryRaw<BacklogRow[]>`
    SELECT queue::text AS queue, lower(status::text) AS status, count(*)::int AS count,
           extract(epoch FROM now() - min(created_at))::float8 AS "oldestSeconds"
    FROM tasks
    WHERE status::text IN ('OPEN', 'CLAIMED', 'LOCKED')
    GROUP BY 1, 2`;
}

/**
 * The human-task backlog per queue (STORE, MANAGER, OPS, ...), read from the database at each scrape:
 * `omnichannel_tasks_waiting{queue,status}` and the age of the oldest. Each worker reports the same
 * numbers (they are the database's), so dashboards take max(), not sum(). A failed read leaves the series
 * out rather than reporting zero.
 */
export function registerTaskBacklogMetrics(metrics: WorkerMetrics, prisma: PrismaClient): void {
  const oldest = new Gauge({
    name: 'omnichannel_tasks_waiting_oldest_seconds',
    help: 'Age of the oldest human task waiting, by queue and status (open, claimed, locked)',
    labelNames: ['queue', 'status'],
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'omnichannel_tasks_waiting',
    help: 'Human tasks waiting for a person, by queue and status (open, claimed, locked)',
    labelNames: ['queue', 'status'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      oldest.reset();
      let rows: BacklogRow[];
      try {
        rows = await readBacklog(prisma);
      } catch {
        return;
      }
      for (const status of waitingStatuses) this.set({ queue: 'all', status: status.toLowerCase() }, 0);
      const totals = new Map<string, number>();
      for (const row of rows) {
        this.set({ queue: row.queue, status: row.status }, row.count);
        totals.set(row.status, (totals.get(row.status) ?? 0) + row.count);
        if (row.oldestSeconds !== null) oldest.set({ queue: row.queue, status: row.status }, row.oldestSeconds);
      }
      for (const [status, total] of totals) this.set({ queue: 'all', status }, total);
    },
  });
}
