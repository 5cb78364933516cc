import { Gauge } from 'prom-client';
import { type PrismaClient } from '../../prisma/client';
import { type ApiMetrics } from './api-metrics';

interface StartCounts {
  workflowType: string;
  state: string;
  count: number;
  oldestSeconds: number | null;
}

function readStartCounts(prisma: PrismaClient): Promise<StartCounts[]> {
  return prisma.$queryRaw<StartCounts[]>`
    SELECT workflow_type AS "workflowType",
           CASE WHEN status = 'STARTED' THEN 'signals_pending' ELSE lower(status::text) END AS state,
           count(*)::int AS count,
           extract(epoch FROM now() - min(updated_at))::float8 AS "oldestSeconds"
    FROM workflow_starts
    WHERE status <> 'STARTED' OR next_attempt_at IS NOT NULL
    GROUP BY 1, 2`;
}

/**
 * Alert-worthy gauges of the workflow-start outbox, read from the database at each scrape:
 * `omnichannel_workflow_starts{state="pending"|"failed"|"signals_pending"}` counts starts that have no
 * run yet (retrying), that Temporal refused for good, and runs with signals not yet delivered;
 * `omnichannel_workflow_start_oldest_seconds` says how long the oldest of each has waited. A pending count
 * that stays up, or an oldest age past a few minutes, means accepted records are not reaching their
 * workflows: page someone. The query reads one small index; a failed read leaves the gauges empty.
 */
export function registerWorkflowStartMetrics(metrics: ApiMetrics, prisma: PrismaClient): void {
  const oldest = new Gauge({
    name: 'omnichannel_workflow_start_oldest_seconds',
    help: 'Age of the oldest workflow start (or queued signal) not yet through, by workflow type and state',
    labelNames: ['workflow_type', 'state'],
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'omnichannel_workflow_starts',
    help: 'Workflow starts not through yet: pending (retrying), failed (refused, needs a person), signals_pending (run exists, signal queued)',
    labelNames: ['workflow_type', 'state'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      oldest.reset();
      let rows: StartCounts[];
      try {
        rows = await readStartCounts(prisma);
      } catch {
        // No numbers rather than wrong ones: a scrape without this series is itself worth an alert.
        return;
      }
      for (const state of ['pending', 'failed', 'signals_pending']) this.set({ workflow_type: 'all', state }, 0);
      const totals = new Map<string, number>();
      for (const row of rows) {
        this.set({ workflow_type: row.workflowType, state: row.state }, row.count);
        totals.set(row.state, (totals.get(row.state) ?? 0) + row.count);
        if (row.oldestSeconds !== null) oldest.set({ workflow_type: row.workflowType, state: row.state }, row.oldestSeconds);
      }
      for (const [state, total] of totals) this.set({ workflow_type: 'all', state }, total);
    },
  });
}
