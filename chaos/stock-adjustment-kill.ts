import { randomUUID } from 'node:crypto';
import { ApprovalsWorld } from '../test/approvals/support/approvals-world';
import { CuttableLink } from '../test/outages/support/cuttable-link';
import { type ChaosRow, addRunEffects, emptyChaosRow } from './chaos-row';
import { startInProcessApi } from './in-process-api';
import { type AdjustmentKillPoint, driveKilledAdjustment, type KilledAdjustmentRun } from './stock-adjustment-kill-driver';
import { withDeadline } from './with-deadline';
import { WorkerPool } from './worker-pool';

export interface StockAdjustmentKillOptions {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** From an adjustment's request: past it, one not APPLIED is lost (chaos/recovery-budget.ts, one kill, the db profile's hold). */
  runDeadlineMs: number;
  stickyQueueTimeoutMs: number;
}

/**
 * Run `index`'s adjustment and kill point, in turn: +3 (below the thresholds: applied at once) and -20
 * (above them: the second manager approves it), first killed after the apply's commit, then before it.
 */
function planOf(index: number): { delta: number; killPoint: AdjustmentKillPoint } {
  return { delta: index % 2 === 0 ? 3 : -20, killPoint: index % 4 < 2 ? 'after-commit' : 'before-commit' };
}

/**
 * "stock adjustment SIGKILL": `runs` stock adjustments (the approvals tests' world: store A, one SKU at
 * 25.00 with 100 on hand, two managers), one after another, requested and approved through the real API,
 * each with the worker SIGKILLed inside the apply step (chaos/stock-adjustment-kill-driver.ts) and replaced.
 * Counted in our ledger, where the stock's truth is: exactly one ADJUST row per adjustment (its
 * `stock-adjustment:<id>` key) with its delta, on hand moved by exactly the adjustments, one
 * `stock-adjustment.apply` audit event each, and every adjustment APPLIED.
 */
export async function runStockAdjustmentKill(options: StockAdjustmentKillOptions): Promise<ChaosRow> {
  const world = new ApprovalsWorld();
  const link = new CuttableLink(options.temporalAddress);
  const row = emptyChaosRow('stock adjustment SIGKILL', options.runs);
  const killPoints: string[] = [];
  let pool: WorkerPool | undefined;
  let temporal: ReturnType<typeof startInProcessApi>['temporal'] | undefined;
  try {
    await world.setUp();
    const product = await world.prisma.product.findUniqueOrThrow({ where: { sku: world.sku } });
    pool = new WorkerPool({
      runDir: options.runDir,
      taskQueue: `chaos-stock-adjustment-kill-${randomUUID()}`,
      bundlePath: options.bundlePath,
      databaseUrl: options.databaseUrl,
      // The worker reaches Temporal only through the link the driver cuts; the API's client goes direct.
      temporalAddress: await link.open(),
      // The adjustment workflow sends no messages: a gateway nobody listens on would show if it started to.
      gatewayUrl: 'http://127.0.0.1:9/gateway',
      stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
    });
    const api = startInProcessApi({
      prisma: world.prisma,
      databaseUrl: options.databaseUrl,
      temporalAddress: options.temporalAddress,
      taskQueue: pool.taskQueue,
    });
    temporal = api.temporal;
    await pool.start();
    for (let index = 0; index < options.runs; index += 1) {
      const label = `adjustment ${index + 1}`;
      const onHandBefore = await world.onHandA();
      let run: KilledAdjustmentRun;
      try {
        run = await withDeadline(
          driveKilledAdjustment({
            app: api.app,
            client: api.temporal.client,
            world,
            productId: product.id,
            bearer: (key) => world.bearer(key, api.config.JWT_SECRET),
            worker: pool,
            link,
            ...planOf(index),
          }),
          options.runDeadlineMs,
          `${label} not applied within ${options.runDeadlineMs / 1000} s`,
        );
      } catch (error) {
        row.lost += 1;
        row.problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const where = `${label} (${run.adjustmentId}, ${run.delta > 0 ? '+' : ''}${run.delta}, ${run.approved ? 'approved' : 'at once'})`;
      const inWindow =
        run.atKill.scheduled === 1 && run.atKill.completed === 0 && run.ledgerRowsAtKill === (run.killPoint === 'after-commit' ? 1 : 0);
      killPoints.push(`${run.killPoint}${inWindow ? '' : ' (missed)'}`);
      if (!inWindow)
        row.problems.push(
          `${where}: the kill missed ${run.killPoint} (adjustStock scheduled ${run.atKill.scheduled}, completed ${run.atKill.completed}; ${run.ledgerRowsAtKill} ledger rows)`,
        );
      const adjustment = await world.prisma.stockAdjustment.findUniqueOrThrow({ where: { id: run.adjustmentId } });
      if (run.result?.status === 'APPLIED' && adjustment.status === 'APPLIED') row.completed += 1;
      else {
        row.lost += 1;
        row.problems.push(`${where}: ended ${run.result?.status ?? 'not at all'}, the row ${adjustment.status}`);
      }
      if (run.recoveredAt !== undefined) row.maxRecoveryMs = Math.max(row.maxRecoveryMs, run.recoveredAt - run.killedAt);
      const effects = await adjustmentEffects(world, run, onHandBefore);
      addRunEffects(row, where, effects);
    }
  } finally {
    await pool?.stop();
    await link.close();
    await temporal?.close().catch(() => undefined);
    await world.tearDown().catch(() => undefined);
  }
  row.notes = [
    `killed ${killPoints.join(', ')}`,
    "max recovery: from the kill until the replacement's repeat of adjustStock completed (the db profile's 30 s start-to-close runs out first)",
  ];
  return row;
}

/**
 * Effects one killed adjustment left in our books: its ledger rows (more than one is duplicated, none is
 * lost), their delta, on hand against the level before it, its apply audit events.
 */
async function adjustmentEffects(
  world: ApprovalsWorld,
  run: KilledAdjustmentRun,
  onHandBefore: number,
): Promise<{ duplicated: string[]; missing: string[] }> {
  const duplicated: string[] = [];
  const missing: string[] = [];
  const compare = (what: string, seen: number, expected: number) => {
    if (seen > expected) duplicated.push(`${what}: ${seen}, expected ${expected}`);
    if (seen < expected) missing.push(`${what}: ${seen}, expected ${expected}`);
  };
  const ledger = await world.prisma.inventoryMovement.findMany({
    where: { idempotencyKey: { startsWith: `stock-adjustment:${run.adjustmentId}` } },
  });
  compare('ADJUST rows in the ledger', ledger.filter((movement) => movement.kind === 'ADJUST').length, 1);
  compare('ledger rows of other kinds', ledger.filter((movement) => movement.kind !== 'ADJUST').length, 0);
  const moved = ledger.reduce((sum, movement) => sum + movement.deltaOnHand, 0);
  if (moved !== run.delta)
    (Math.abs(moved) > Math.abs(run.delta) ? duplicated : missing).push(`ledger moved ${moved}, the adjustment is ${run.delta}`);
  const onHand = await world.onHandA();
  if (onHand !== onHandBefore + run.delta)
    (Math.abs(onHand - onHandBefore) > Math.abs(run.delta) ? duplicated : missing).push(
      `on hand ${onHand}, expected ${onHandBefore + run.delta} (${onHandBefore} ${run.delta > 0 ? '+' : ''}${run.delta})`,
    );
  const applyAudits = await world.prisma.auditEvent.count({ where: { entityId: run.adjustmentId, action: 'stock-adjustment.apply' } });
  compare('stock-adjustment.apply audit events', applyAudits, 1);
  if (run.approved) {
    const approvals = await world.prisma.approvalRequest.count({ where: { subjectId: run.adjustmentId, status: 'APPROVED' } });
    compare('approved approval requests', approvals, 1);
  }
  return { duplicated, missing };
}
