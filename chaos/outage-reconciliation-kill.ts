import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CuttableLink } from '../test/outages/support/cuttable-link';
import { OutageChannel } from '../test/outages/support/outage-channel';
import { OutagesWorld } from '../test/outages/support/outages-world';
import {
  DOUBLE_SALE_SKU,
  DOUBLE_SALE_SOLD,
  DOUBLE_SALE_STORE_B_ON_HAND,
  driveKilledReconciliation,
  expectedOnHand,
  OFFLINE_SOLD,
  reconciliationKillSettings,
  type KilledReconciliationRun,
} from '../test/outages/support/reconciliation-kill-driver';
import { type ChaosRow, addRunEffects, emptyChaosRow } from './chaos-row';
import { startInProcessApi } from './in-process-api';
import { withDeadline } from './with-deadline';
import { WorkerPool } from './worker-pool';

export interface OutageReconciliationKillOptions {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** From an outage's declaration: past it, an outage not resolved is lost (chaos/recovery-budget.ts, two kills). */
  runDeadlineMs: number;
  stickyQueueTimeoutMs: number;
}

/**
 * "outage reconciliation SIGKILL": `runs` store outages, one after another (each holds stock rows and cuts
 * its worker off from Temporal), each with offline sales and counted drift and the worker SIGKILLed twice
 * after an applying transaction committed and before Temporal heard of it: the journal's, then the approved
 * correction's (test/outages/support/reconciliation-kill-driver.ts). Each run has a world of its own (store,
 * SKUs, marketplace sandbox, worker), so its counts are its own. Counted where the outside world sees it:
 * our ledger (one OFFLINE_SALE row per SKU sold offline, one RECONCILE row per drift), on hand per SKU, and
 * the marketplace's listings (the corrected stock shown, and read back by the closing publish). On hand or
 * the marketplace off the journal and the counts is counted lost (the right effect is missing).
 */
export async function runOutageReconciliationKill(options: OutageReconciliationKillOptions): Promise<ChaosRow> {
  const row = emptyChaosRow('outage reconciliation SIGKILL', options.runs);
  let midApply = 0;
  const recoveries: string[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const label = `outage ${index + 1}`;
    const world = new OutagesWorld(4);
    const channel = new OutageChannel(world.prisma, `${world.prefix}-mm`);
    const link = new CuttableLink(options.temporalAddress);
    let pool: WorkerPool | undefined;
    let temporal: ReturnType<typeof startInProcessApi>['temporal'] | undefined;
    try {
      await world.setUp();
      const productIds: Record<string, string> = {};
      for (const product of await world.prisma.product.findMany({ where: { sku: { in: world.skus } } }))
        productIds[product.sku] = product.id;
      await channel.setUp(Object.values(productIds));
      // A directory per outage: each run's pool numbers its worker logs from 1 again.
      const runDir = path.join(options.runDir, `outage-${index + 1}`);
      mkdirSync(runDir, { recursive: true });
      pool = new WorkerPool({
        runDir,
        taskQueue: `chaos-outage-reconcile-kill-${randomUUID()}`,
        bundlePath: options.bundlePath,
        databaseUrl: options.databaseUrl,
        // The worker reaches Temporal only through the link the driver cuts; the API's client goes direct.
        temporalAddress: await link.open(),
        gatewayUrl: `${channel.sandboxUrl}/gateway`,
        stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
      });
      const api = startInProcessApi({
        prisma: world.prisma,
        databaseUrl: options.databaseUrl,
        temporalAddress: options.temporalAddress,
        taskQueue: pool.taskQueue,
        settings: reconciliationKillSettings(world.unitPriceMinor),
      });
      temporal = api.temporal;
      await pool.start();
      let run: KilledReconciliationRun;
      try {
        run = await withDeadline(
          driveKilledReconciliation({
            app: api.app,
            client: api.temporal.client,
            world,
            productIds,
            bearer: (key) => world.bearer(key, api.config.JWT_SECRET),
            worker: pool,
            link,
            moreKills: true,
          }),
          options.runDeadlineMs,
          `${label} not resolved within ${options.runDeadlineMs / 1000} s`,
        );
      } catch (error) {
        row.lost += 1;
        row.problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const killedMidApply = [run.atJournalKill, run.atDiffKill, run.atCorrectionKill].every(
        (record) => record !== undefined && record.scheduled === 1 && record.completed === 0,
      );
      if (killedMidApply && run.unappliedAtJournalKill === 0) midApply += 1;
      else row.problems.push(`${label} (${run.outageId}): a kill did not fall between the commit and Temporal hearing of it`);
      if (run.result.status === 'RESOLVED') row.completed += 1;
      else {
        row.lost += 1;
        row.problems.push(`${label} (${run.outageId}): ended ${run.result.status}`);
      }
      row.maxRecoveryMs = Math.max(row.maxRecoveryMs, ...run.recoveryMs);
      // Each repeat completes before the next kill, so the recoveries come in kill order.
      const points = ['journal', 'stock diff', 'correction + double sale'];
      recoveries.push(
        `${label}: ${run.recoveryMs.map((ms, kill) => `${points[kill] ?? `kill ${kill + 1}`} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
      );
      // The closing publish runs on after the outage resolved: its read-back is what the marketplace is checked against.
      const publish = (await withDeadline(
        api.temporal.client.workflow.getHandle(`outage-publish:${run.outageId}`).result(),
        options.runDeadlineMs,
        `${label}: the closing publish did not end within ${options.runDeadlineMs / 1000} s`,
      ).catch((error: unknown) => error)) as { channels?: { channelCode: string; outcome: string }[] } | Error;
      const outcome = publish instanceof Error ? publish.message : publish.channels?.find((c) => c.channelCode === channel.code)?.outcome;
      if (outcome !== 'SYNCED') {
        row.lost += 1;
        row.problems.push(`${label} (${run.outageId}): the closing publish to ${channel.code}: ${String(outcome)}, not SYNCED`);
      }
      const effects = await reconciliationEffects(world, channel, productIds, run);
      addRunEffects(row, `${label} (${run.outageId})`, effects);
    } finally {
      await pool?.stop();
      await link.close();
      await temporal?.close().catch(() => undefined);
      await channel.tearDown().catch(() => undefined);
      await world.tearDown().catch(() => undefined);
    }
  }
  row.notes = [
    `${midApply} of ${options.runs} outages had all three kills (journal, stock diff's auto-fix, correction with the double sale's transfer) between the applying transaction's commit and Temporal hearing of it`,
    'max recovery: from a kill until the replacement had completed the repeated activity (its 30 s start-to-close runs out first)',
    ...recoveries,
  ];
  return row;
}

/**
 * Effects one killed outage left where they show: the ledger's rows (more than one per SKU sold offline
 * or per drift is duplicated, fewer is lost), on hand against the journal and the counts, the marketplace's
 * listings against on hand.
 */
async function reconciliationEffects(
  world: OutagesWorld,
  channel: OutageChannel,
  productIds: Record<string, string>,
  run: KilledReconciliationRun,
): Promise<{ duplicated: string[]; missing: string[] }> {
  const duplicated: string[] = [];
  const missing: string[] = [];
  const compare = (what: string, seen: number, expected: number) => {
    if (seen > expected) duplicated.push(`${what}: ${seen}, expected ${expected}`);
    if (seen < expected) missing.push(`${what}: ${seen}, expected ${expected}`);
  };
  const ledger = await world.prisma.inventoryMovement.findMany({ where: { storeId: world.storeA } });
  const expected = expectedOnHand(world, true);
  // The journal's rows (keyed offline-sale:); the double sale's unit is booked under its own key, below.
  const journalRows = (sku: string) =>
    ledger.filter((m) => m.kind === 'OFFLINE_SALE' && m.productId === productIds[sku] && m.idempotencyKey?.startsWith('offline-sale:'));
  for (const [index, sold] of Object.entries({ ...OFFLINE_SOLD, [DOUBLE_SALE_SKU]: DOUBLE_SALE_SOLD - 1 })) {
    const sku = world.sku(Number(index));
    const rows = journalRows(sku);
    compare(`${sku} OFFLINE_SALE rows`, rows.length, 1);
    compare(`${sku} units sold offline in the ledger`, -rows.reduce((sum, m) => sum + m.deltaOnHand, 0), sold);
  }
  // The double sale fulfilled from store B: one row under each of its keys, store B one unit lower.
  if (run.doubleSaleId === undefined) missing.push('no double sale');
  else
    for (const [part, kind, delta] of [
      ['sold-offline', 'OFFLINE_SALE', -1],
      ['transfer-in', 'RECEIVE', 1],
      ['transfer-out', 'ADJUST', -1],
    ] as const) {
      const key = `double-sale:${run.doubleSaleId}:${part}`;
      const rows = await world.prisma.inventoryMovement.findMany({ where: { idempotencyKey: key } });
      compare(`${key} rows`, rows.length, 1);
      for (const row of rows)
        if (row.kind !== kind || row.deltaOnHand !== delta)
          missing.push(`${key}: ${row.kind} ${row.deltaOnHand}, expected ${kind} ${delta}`);
    }
  const storeB = await world.prisma.inventoryLevel.findUnique({
    where: { storeId_productId: { storeId: world.storeB, productId: productIds[world.sku(DOUBLE_SALE_SKU)] ?? '' } },
  });
  compare(`${world.sku(DOUBLE_SALE_SKU)} on hand at store B`, DOUBLE_SALE_STORE_B_ON_HAND - (storeB?.onHand ?? 0), 1);
  const drifts = await world.prisma.discrepancy.findMany({ where: { class: 'STOCK_DRIFT', reconciliation: { outageId: run.outageId } } });
  compare('drifts counted', drifts.length, 2);
  for (const drift of drifts) {
    const rows = ledger.filter((m) => m.kind === 'RECONCILE' && m.idempotencyKey === `reconcile:${drift.id}`);
    compare(`RECONCILE rows of drift ${drift.id} (${drift.delta})`, rows.length, 1);
  }
  compare('RECONCILE rows', ledger.filter((m) => m.kind === 'RECONCILE').length, drifts.length);
  const levels = await world.prisma.inventoryLevel.findMany({ where: { storeId: world.storeA } });
  const shown = await channel.listings();
  const readBack = await world.prisma.channelListing.findMany({ where: { channelId: channel.channelId } });
  for (const sku of world.skus) {
    const onHand = levels.find((level) => level.productId === productIds[sku])?.onHand ?? 0;
    if (onHand !== expected[sku]) missing.push(`${sku} on hand ${onHand}, expected ${expected[sku]}`);
    // The marketplace sells both stores' stock: store B's units of the double sale's SKU (one left it) show too.
    const listed = (expected[sku] ?? 0) + (sku === world.sku(DOUBLE_SALE_SKU) ? DOUBLE_SALE_STORE_B_ON_HAND - 1 : 0);
    const stock = shown.get(sku)?.stock;
    if (stock !== listed) missing.push(`${sku} shown on the marketplace as ${String(stock)}, expected ${listed}`);
    const verified = readBack.find((listing) => listing.productId === productIds[sku])?.verifiedStock;
    if (verified !== listed) missing.push(`${sku} read back from the marketplace as ${String(verified)}, expected ${listed}`);
  }
  return { duplicated, missing };
}
