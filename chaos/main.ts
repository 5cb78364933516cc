import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { type BenchChild } from '../bench/pickup/child-process';
import { findFreePorts } from '../bench/pickup/free-ports';
import { findTemporalCli, startTemporalDevServer } from '../bench/pickup/temporal-dev-server';
import { recreateMigratedDatabase } from '../bench/support/scratch-database';
import { loadConfigOrExit } from '../domain/config';
import { PickupWorld } from '../test/pickup/support/pickup-world';
import { chaosRowIsClean, printChaosTable, type ChaosRow } from './chaos-row';
import { chaosConfigSchema } from './config';
import { buildWorkflowBundle } from './worker-pool';
import { networkFaults, runNetworkFaults } from './network-faults';
import { runOutageReconciliationKill } from './outage-reconciliation-kill';
import { runPromotionPushKill } from './promotion-push-kill';
import { activityHoldMs, longestActivityHoldMs, runDeadlineMs } from './recovery-budget';
import { runReturnRefundKill } from './return-refund-kill';
import { runStockAdjustmentKill } from './stock-adjustment-kill';
import { runStockCountKill } from './stock-count-kill';
import { runStockSyncKill, STOCK_SYNC_SKUS, stockSyncRunDeadlineMs } from './stock-sync-kill';
import { runRestartSuite } from './restart-suite';
import { runWorkerKill, workerKillRunDeadlineMs } from './worker-kill';
import { activityProfiles, kitActivityOptions } from '../workflows/kit/activity-profiles';

/**
 * `npm run chaos`: a private stack (scratch database, own Temporal dev server, the worker and the
 * channel sandbox as processes of their own), real faults, effects counted where the outside world sees
 * them; prints the table and exits non-zero when anything was lost or done twice.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(chaosConfigSchema, 'chaos');
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'omnichannel-chaos-'));
  console.log(`Re-creating scratch database ${config.CHAOS_DATABASE_NAME} and migrating it...`);
  const databaseUrl = await recreateMigratedDatabase(config.DATABASE_URL, config.CHAOS_DATABASE_NAME);
  // The pickup world (test/pickup/support) and the worker processes read these.
  process.env.DATABASE_URL = databaseUrl;
  const [temporalPort] = (await findFreePorts(1)) as [number];
  let temporal: BenchChild | undefined;
  let connection: Connection | undefined;
  const world = new PickupWorld();
  const rows: ChaosRow[] = [];
  try {
    console.log(`Starting a private Temporal dev server and bundling the workflows (logs in ${runDir})...`);
    const [server, bundlePath] = await Promise.all([
      startTemporalDevServer({
        cli: findTemporalCli(config.TEMPORAL_CLI),
        port: temporalPort,
        logFile: path.join(runDir, 'temporal.log'),
        timeoutMs: config.CHAOS_STARTUP_TIMEOUT_SECONDS * 1000,
      }),
      buildWorkflowBundle(runDir),
    ]);
    temporal = server.child;
    process.env.TEMPORAL_ADDRESS = server.address;
    connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, namespace: 'default' });
    // Every run reserves 2 + 1 units at store A: enough for all of them.
    const totalRuns = config.CHAOS_RUNS + networkFaults.length * config.CHAOS_NETWORK_FAULT_RUNS;
    await world.setUp({ storeA: [totalRuns * 2 + 10, totalRuns + 10], storeB: [0, 0] });
    const kills = config.CHAOS_KILLS ?? Math.max(1, Math.round(config.CHAOS_RUNS / 5));
    const timeouts = {
      ...(config.CHAOS_ACTIVITY_TIMEOUT_CAP_SECONDS !== undefined && {
        activityTimeoutCapMs: config.CHAOS_ACTIVITY_TIMEOUT_CAP_SECONDS * 1000,
      }),
      workflowTaskTimeoutMs: config.CHAOS_WORKFLOW_TASK_TIMEOUT_SECONDS * 1000,
      stickyQueueTimeoutMs: config.CHAOS_STICKY_QUEUE_TIMEOUT_SECONDS * 1000,
      workerStartMs: config.CHAOS_WORKER_START_ALLOWANCE_SECONDS * 1000,
    };
    const deadline = workerKillRunDeadlineMs({ undisturbedRunMs: config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000, kills, timeouts });
    if (config.CHAOS_RUNS > 0) {
      console.log(
        `Fault 1: worker SIGKILL x${kills} over ${config.CHAOS_RUNS} pickup runs (${config.CHAOS_CONCURRENCY} at a time, ${config.CHAOS_WORKERS} worker process(es)), run deadline ${deadline / 1000} s...`,
      );
      rows.push(
        await runWorkerKill({
          client,
          world,
          databaseUrl,
          temporalAddress: server.address,
          bundlePath,
          runDir,
          runs: config.CHAOS_RUNS,
          concurrency: config.CHAOS_CONCURRENCY,
          kills,
          workers: config.CHAOS_WORKERS,
          killGapMs: [config.CHAOS_KILL_GAP_MIN_MS, config.CHAOS_KILL_GAP_MAX_MS],
          seed: config.CHAOS_SEED,
          undisturbedRunMs: config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000,
          timeouts,
        }),
      );
    }
    if (config.CHAOS_NETWORK_FAULT_RUNS > 0) {
      const faultMs = config.CHAOS_NETWORK_FAULT_SECONDS * 1000;
      // An undisturbed run, the fault, a retry backoff that straddles its end, and the longest an activity can take.
      const runDeadlineMs = config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000 + 3 * faultMs + longestActivityHoldMs(undefined);
      console.log(
        `Faults 4: the channel and the gateway misbehave for ${faultMs / 1000} s under ${config.CHAOS_NETWORK_FAULT_RUNS} runs each, run deadline ${runDeadlineMs / 1000} s...`,
      );
      rows.push(
        ...(await runNetworkFaults({
          client,
          world,
          databaseUrl,
          temporalAddress: server.address,
          bundlePath,
          runDir,
          runs: config.CHAOS_NETWORK_FAULT_RUNS,
          faultMs,
          runDeadlineMs,
          workflowTaskTimeoutMs: timeouts.workflowTaskTimeoutMs,
          stickyQueueTimeoutMs: timeouts.stickyQueueTimeoutMs,
        })),
      );
    }
    // Returns and promotions are started by the API (no activity cap memo, Temporal's 10 s workflow task
    // timeout): one kill's budget under those, on top of an undisturbed run.
    const apiStartedDeadlineMs = runDeadlineMs(config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000, 1, {
      workflowTaskTimeoutMs: 10_000,
      stickyQueueTimeoutMs: timeouts.stickyQueueTimeoutMs,
      workerStartMs: timeouts.workerStartMs,
    });
    const laterWorkflows = {
      databaseUrl,
      temporalAddress: server.address,
      bundlePath,
      runDir,
      stickyQueueTimeoutMs: timeouts.stickyQueueTimeoutMs,
    };
    if (config.CHAOS_RETURN_RUNS > 0) {
      console.log(
        `Return refund SIGKILL: ${config.CHAOS_RETURN_RUNS} returns, each killed between the refund and its recording, deadline ${apiStartedDeadlineMs / 1000} s...`,
      );
      rows.push(await runReturnRefundKill({ ...laterWorkflows, runs: config.CHAOS_RETURN_RUNS, runDeadlineMs: apiStartedDeadlineMs }));
    }
    if (config.CHAOS_PROMOTION_RUNS > 0) {
      console.log(
        `Promotion push SIGKILL: ${config.CHAOS_PROMOTION_RUNS} rollouts, each killed mid-push, verified within ${apiStartedDeadlineMs / 1000} s of the kill...`,
      );
      rows.push(
        await runPromotionPushKill({ ...laterWorkflows, runs: config.CHAOS_PROMOTION_RUNS, appliedWithinMs: apiStartedDeadlineMs }),
      );
    }
    if (config.CHAOS_OUTAGE_RUNS > 0) {
      // Three kills per outage (journal, stock diff, correction), each holding a `db` activity (30 s start-to-close, no heartbeat) past its
      // commit: that hold instead of the kit's, then the same sticky queue, workflow task and start allowances.
      const perKillMs = activityHoldMs(activityProfiles.db, undefined) + timeouts.stickyQueueTimeoutMs + 10_000 + timeouts.workerStartMs;
      const outageDeadlineMs = config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000 + 3 * perKillMs;
      console.log(
        `Outage reconciliation SIGKILL: ${config.CHAOS_OUTAGE_RUNS} store outages, each killed after the journal's, the stock diff's and the correction's commit, deadline ${outageDeadlineMs / 1000} s...`,
      );
      rows.push(await runOutageReconciliationKill({ ...laterWorkflows, runs: config.CHAOS_OUTAGE_RUNS, runDeadlineMs: outageDeadlineMs }));
    }
    if (config.CHAOS_STOCK_SYNC_RUNS > 0) {
      const stockSyncDeadlineMs = stockSyncRunDeadlineMs(config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000, timeouts);
      console.log(
        `Stock sync SIGKILL: ${config.CHAOS_STOCK_SYNC_RUNS} syncs of ${STOCK_SYNC_SKUS} SKUs, each killed mid-push, deadline ${(stockSyncDeadlineMs / 1000).toFixed(1)} s...`,
      );
      rows.push(await runStockSyncKill({ ...laterWorkflows, runs: config.CHAOS_STOCK_SYNC_RUNS, runDeadlineMs: stockSyncDeadlineMs }));
    }
    if (config.CHAOS_ADJUSTMENT_RUNS > 0) {
      // One kill per adjustment, holding the db profile's adjustStock (30 s start-to-close, no heartbeat) as the outage row's do.
      const perKillMs = activityHoldMs(activityProfiles.db, undefined) + timeouts.stickyQueueTimeoutMs + 10_000 + timeouts.workerStartMs;
      const adjustmentDeadlineMs = config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000 + perKillMs;
      console.log(
        `Stock adjustment SIGKILL: ${config.CHAOS_ADJUSTMENT_RUNS} adjustments, each killed inside the apply step, deadline ${adjustmentDeadlineMs / 1000} s...`,
      );
      rows.push(
        await runStockAdjustmentKill({ ...laterWorkflows, runs: config.CHAOS_ADJUSTMENT_RUNS, runDeadlineMs: adjustmentDeadlineMs }),
      );
    }
    if (config.CHAOS_STOCK_COUNT_RUNS > 0) {
      // One kill per count, holding adjustStockCountLine as the kit's db proxy schedules it (the 10 s liveness heartbeat timeout).
      const perKillMs = activityHoldMs(kitActivityOptions.db, undefined) + timeouts.stickyQueueTimeoutMs + 10_000 + timeouts.workerStartMs;
      const countDeadlineMs = config.CHAOS_UNDISTURBED_RUN_SECONDS * 1000 + perKillMs;
      console.log(
        `Stock count SIGKILL: ${config.CHAOS_STOCK_COUNT_RUNS} counts, each killed inside the correction step, deadline ${countDeadlineMs / 1000} s...`,
      );
      rows.push(await runStockCountKill({ ...laterWorkflows, runs: config.CHAOS_STOCK_COUNT_RUNS, runDeadlineMs: countDeadlineMs }));
    }
    if (config.CHAOS_RESTART_FAULTS.length > 0)
      rows.push(
        ...(await runRestartSuite({
          runDir,
          temporalCli: findTemporalCli(config.TEMPORAL_CLI),
          faults: config.CHAOS_RESTART_FAULTS,
          databaseName: config.CHAOS_DATABASE_NAME,
          postgresBinDir: config.CHAOS_POSTGRES_BIN_DIR,
          ordersPerSecond: config.CHAOS_RESTART_ORDERS_PER_SECOND,
          loadSeconds: config.CHAOS_RESTART_LOAD_SECONDS,
          faultAtSeconds: config.CHAOS_RESTART_FAULT_AT_SECONDS,
          downSeconds: config.CHAOS_RESTART_DOWN_SECONDS,
          orderDeadlineSeconds: config.CHAOS_RESTART_ORDER_DEADLINE_SECONDS,
          historyShards: config.CHAOS_CLUSTER_HISTORY_SHARDS,
          startupTimeoutMs: config.CHAOS_STARTUP_TIMEOUT_SECONDS * 1000,
        })),
      );
    console.log('');
    printChaosTable(rows);
    console.log(`\nProcess logs: ${runDir}; the database ${config.CHAOS_DATABASE_NAME} is left for inspection.`);
    if (!rows.every(chaosRowIsClean)) process.exitCode = 1;
  } catch (error) {
    // A long run that fails in a later row still shows what the rows before it measured.
    if (rows.length > 0) {
      console.log('\nRows measured before the error:');
      printChaosTable(rows);
    }
    throw error;
  } finally {
    await connection?.close().catch(() => undefined);
    await world.tearDown().catch(() => undefined);
    await temporal?.stop(10_000);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
