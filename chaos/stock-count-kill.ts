import { randomUUID } from 'node:crypto';
import { stockCountLineKey } from '../domain/stock-counts/stock-count-rules';
import { StockCountWorld } from '../test/stock-counts/support/stock-count-world';
import { type ChaosRow, addRunEffects, emptyChaosRow } from './chaos-row';
import { startInProcessApi } from './in-process-api';
import { type CountKillPoint, driveKilledCount, type KilledCountRun, type PlannedLine } from './stock-count-kill-driver';
import { withDeadline } from './with-deadline';
import { WorkerPool } from './worker-pool';

export interface StockCountKillOptions {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** From a count's request: past it, one not DONE is lost (chaos/recovery-budget.ts, one kill, the kit's db proxy's hold). */
  runDeadlineMs: number;
  stickyQueueTimeoutMs: number;
}

const TOLERANCE_UNITS = 2;
const KILL_POINTS: CountKillPoint[] = ['some-committed', 'all-committed', 'none-committed'];

/**
 * Run `index`'s count: SKUs 0-2 off by -2, +1 and -1 (within the 2-unit tolerance: corrected at once), SKU 3
 * equal, and in the first count SKU 4 off by -11 (beyond it: a four-eyes adjustment); kill points in turn.
 */
function planOf(index: number): { planned: PlannedLine[]; killPoint: CountKillPoint } {
  const planned: PlannedLine[] = [
    { index: 0, delta: -2 },
    { index: 1, delta: 1 },
    { index: 2, delta: -1 },
    { index: 3, delta: 0 },
    ...(index === 0 ? [{ index: 4, delta: -11 }] : []),
  ];
  return { planned, killPoint: KILL_POINTS[index % KILL_POINTS.length] ?? 'some-committed' };
}

/**
 * "stock count SIGKILL": `runs` stock counts outside an outage (the stock-count tests' world: store A, five
 * SKUs at 25.00, two managers and a clerk), one after another, asked for by the manager and counted by the
 * clerk through the real API, the line beyond the tolerance approved by the second manager, each with the
 * worker SIGKILLed inside the correction step (chaos/stock-count-kill-driver.ts) and replaced. Counted in our
 * books: exactly one ADJUST row per `stock-count:<countId>:<lineId>` key with the line's difference, none for
 * an equal line, the child adjustment's one `stock-adjustment:<id>` row, on hand = on hand as counted + the
 * difference, and the count, its task, its run and the child run all closed.
 */
export async function runStockCountKill(options: StockCountKillOptions): Promise<ChaosRow> {
  const world = new StockCountWorld();
  const row = emptyChaosRow('stock count SIGKILL', options.runs);
  const killPoints: string[] = [];
  let pool: WorkerPool | undefined;
  let temporal: ReturnType<typeof startInProcessApi>['temporal'] | undefined;
  try {
    await world.setUp();
    pool = new WorkerPool({
      runDir: options.runDir,
      name: 'chaos-stock-count-worker',
      taskQueue: `chaos-stock-count-kill-${randomUUID()}`,
      bundlePath: options.bundlePath,
      databaseUrl: options.databaseUrl,
      temporalAddress: options.temporalAddress,
      // The count workflow sends no messages: a gateway nobody listens on would show if it started to.
      gatewayUrl: 'http://127.0.0.1:9/gateway',
      stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
    });
    const api = startInProcessApi({
      prisma: world.prisma,
      databaseUrl: options.databaseUrl,
      temporalAddress: options.temporalAddress,
      taskQueue: pool.taskQueue,
      settings: {
        STOCK_COUNT_TOLERANCE_UNITS: String(TOLERANCE_UNITS),
        STOCK_COUNT_TOLERANCE_VALUE_MINOR: String(TOLERANCE_UNITS * world.unitPriceMinor),
      },
    });
    temporal = api.temporal;
    await pool.start();
    for (let index = 0; index < options.runs; index += 1) {
      const label = `count ${index + 1}`;
      let run: KilledCountRun;
      try {
        run = await withDeadline(
          driveKilledCount({
            app: api.app,
            client: api.temporal.client,
            world,
            bearer: (key) => world.bearer(key, api.config.JWT_SECRET),
            worker: pool,
            toleranceUnits: TOLERANCE_UNITS,
            ...planOf(index),
          }),
          options.runDeadlineMs,
          `${label} not done within ${options.runDeadlineMs / 1000} s`,
        );
      } catch (error) {
        row.lost += 1;
        row.problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const where = `${label} (${run.stockCountId}, ${run.killPoint})`;
      const autoLines = run.planned.filter((l) => l.delta !== 0 && Math.abs(l.delta) <= TOLERANCE_UNITS).length;
      const inWindow = run.atKill.scheduled === autoLines && run.atKill.completed === 0 && run.ledgerRowsAtKill === run.expectedRowsAtKill;
      const recoveryMs = run.recoveredAt === undefined ? undefined : run.recoveredAt - run.killedAt;
      killPoints.push(
        `${run.killPoint} (${run.ledgerRowsAtKill}/${autoLines} rows in)${inWindow ? '' : ' (missed)'}: recovered in ${recoveryMs === undefined ? '-' : (recoveryMs / 1000).toFixed(1)} s`,
      );
      if (!inWindow)
        row.problems.push(
          `${where}: the kill missed its window (adjustStockCountLine scheduled ${run.atKill.scheduled}, completed ${run.atKill.completed}; ${run.ledgerRowsAtKill} ledger rows, ${run.expectedRowsAtKill} planned)`,
        );
      if (recoveryMs !== undefined) row.maxRecoveryMs = Math.max(row.maxRecoveryMs, recoveryMs);
      const effects = await countEffects(world, run);
      addRunEffects(row, where, effects);
      for (const problem of effects.unclosed) row.problems.push(`${where}: ${problem}`);
      if (effects.unclosed.length === 0) row.completed += 1;
      else row.lost += 1;
    }
  } finally {
    await pool?.stop();
    await temporal?.close().catch(() => undefined);
    await world.tearDown().catch(() => undefined);
  }
  row.notes = [
    `killed ${killPoints.join(', ')}`,
    "max recovery: from the kill until the replacement's last repeat of adjustStockCountLine completed (the kit's db proxy: its 10 s liveness heartbeat timeout runs out first)",
  ];
  return row;
}

/**
 * What one killed count left in our books and in Temporal: per line its ledger rows (more than one is
 * duplicated, none lost) and on hand against on hand as counted; the child adjustment's; what is not closed.
 */
async function countEffects(
  world: StockCountWorld,
  run: KilledCountRun,
): Promise<{ duplicated: string[]; missing: string[]; unclosed: string[] }> {
  const duplicated: string[] = [];
  const missing: string[] = [];
  const unclosed: string[] = [];
  const compare = (what: string, seen: number, expected: number) => {
    if (seen > expected) duplicated.push(`${what}: ${seen}, expected ${expected}`);
    if (seen < expected) missing.push(`${what}: ${seen}, expected ${expected}`);
  };
  const lines = await world.prisma.stockCountLine.findMany({ where: { stockCountId: run.stockCountId }, include: { product: true } });
  compare('count lines', lines.length, run.planned.length);
  const adjustment =
    run.adjustmentId === undefined ? null : await world.prisma.stockAdjustment.findUnique({ where: { id: run.adjustmentId } });
  for (const planned of run.planned) {
    const sku = world.sku(planned.index);
    const line = lines.find((l) => l.product.sku === sku);
    if (line === undefined) continue;
    const auto = planned.delta !== 0 && Math.abs(planned.delta) <= TOLERANCE_UNITS;
    const rows = await world.prisma.inventoryMovement.findMany({ where: { idempotencyKey: stockCountLineKey(run.stockCountId, line.id) } });
    compare(
      `${sku} ledger rows under its line key`,
      rows.filter((r) => r.kind === 'ADJUST' && r.deltaOnHand === planned.delta).length,
      auto ? 1 : 0,
    );
    if (rows.some((r) => r.kind !== 'ADJUST' || r.deltaOnHand !== planned.delta))
      duplicated.push(`${sku}: a ledger row under its line key that is not ADJUST ${planned.delta}`);
    const onHand = await world.onHandA(planned.index);
    const expected = (line.systemOnHand ?? 0) + planned.delta;
    if (line.systemOnHand !== run.onHandBefore.get(planned.index))
      unclosed.push(`${sku}: on hand as counted ${line.systemOnHand}, ${run.onHandBefore.get(planned.index)} before the count`);
    if (onHand !== expected)
      (Math.abs(onHand - (line.systemOnHand ?? 0)) > Math.abs(planned.delta) ? duplicated : missing).push(
        `${sku}: on hand ${onHand}, expected ${expected} (${line.systemOnHand} as counted ${planned.delta >= 0 ? '+' : ''}${planned.delta})`,
      );
    const resolution = planned.delta === 0 ? 'MATCHED' : auto ? 'ADJUSTED' : 'APPROVED';
    if (line.resolution !== resolution) unclosed.push(`${sku}: line ${line.resolution ?? 'unresolved'}, expected ${resolution}`);
    if (!auto && planned.delta !== 0) {
      if (adjustment === null || line.stockAdjustmentId !== adjustment.id) missing.push(`${sku}: no stock adjustment linked to its line`);
      else {
        const childRows = await world.prisma.inventoryMovement.findMany({
          where: { idempotencyKey: { startsWith: `stock-adjustment:${adjustment.id}` } },
        });
        compare(
          `${sku} child adjustment ledger rows`,
          childRows.filter((r) => r.kind === 'ADJUST' && r.deltaOnHand === planned.delta).length,
          1,
        );
        if (childRows.some((r) => r.kind !== 'ADJUST' || r.deltaOnHand !== planned.delta))
          duplicated.push(`${sku}: a child adjustment ledger row that is not ADJUST ${planned.delta}`);
        compare(
          `${sku} applied audit events`,
          await world.prisma.auditEvent.count({ where: { entityId: adjustment.id, action: 'stock-adjustment.apply' } }),
          1,
        );
        if (adjustment.status !== 'APPLIED') unclosed.push(`${sku}: child adjustment ${adjustment.status}`);
      }
    }
  }
  const stray = await world.prisma.inventoryMovement.count({
    where: { workflowId: run.workflowId, NOT: { idempotencyKey: { startsWith: `stock-count:${run.stockCountId}:` } } },
  });
  compare("the run's ledger rows under other keys", stray, 0);
  const count = await world.prisma.stockCount.findUniqueOrThrow({ where: { id: run.stockCountId } });
  if (count.status !== 'DONE') unclosed.push(`count ${count.status}`);
  const task = await world.prisma.task.findUniqueOrThrow({ where: { id: run.taskId } });
  if (task.status !== 'DONE') unclosed.push(`task ${task.status}`);
  if (run.result?.status !== 'DONE') unclosed.push(`run ended ${run.result?.status ?? 'not at all'}`);
  return { duplicated, missing, unclosed };
}
