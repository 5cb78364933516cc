/**
 * `npm test`: the dev bootstrap, isolated (database omnichannel_test recreated, a private headless
 * Temporal and our processes on free ports, logs under .data/test/logs), then lint, type check and jest
 * with the stack's addresses in the environment. Extra arguments go to jest (`npm test -- test/bootstrap`),
 * except the stack's own flags (`--cluster`: the suite runs on a Temporal cluster, whose databases
 * <TEST_DATABASE_NAME>_temporal{,_visibility} are re-created too; `--workers N`).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdminUiIfStale } from '../admin-ui.mjs';
import { appProcessNames, startAppProcesses } from '../app-processes.mjs';
import { ensureChromiumForE2e } from '../browser.mjs';
import { localBin, runCommand } from '../command.mjs';
import { databaseUrlFor, prepareSchema, recreateDatabase } from '../database.mjs';
import { ensureDependencies } from '../deps.mjs';
import { fail } from '../output.mjs';
import { findFreePorts } from '../ports.mjs';
import { findPostgres } from '../postgres.mjs';
import { Supervisor } from '../processes.mjs';
import { applyContractDefaults, dataDir, readBootstrapSettings } from '../settings.mjs';
import { handleStopSignals, onShutdown, shutdown } from '../shutdown.mjs';
import { claimSingleInstance } from '../single-instance.mjs';
import { applyStackFlags } from '../stack-flags.mjs';
import { clusterProcessNames, startTemporalCluster } from '../temporal-cluster.mjs';
import { startTestTemporal } from '../temporal-server.mjs';
import { TestReport } from '../test-report.mjs';

const testDir = join(dataDir, 'test');
const logDir = join(testDir, 'logs');
const jestResultsFile = join(testDir, 'jest-results.json');
const browserResultsFile = join(testDir, 'jest-browser-results.json');
/*
 * Browser tests (jest project `browser`, admin/e2e/) drive the shared stack; they run after the others, one
 * at a time, so the rows other suites create and remove mid-run can't shift what a screen shows.
 */

/** @param {string[]} args */
export async function runTest(args) {
  const jestArgs = applyStackFlags(args);
  const report = new TestReport();
  // Registered first, so it runs last: after everything has been stopped, also on Ctrl-C.
  onShutdown('summary', () => report.print([jestResultsFile, browserResultsFile]));
  handleStopSignals({ exitCode: 130 });
  rmSync(logDir, { recursive: true, force: true });
  rmSync(jestResultsFile, { force: true });
  rmSync(browserResultsFile, { force: true });

  if (!(await report.stage('dependencies', () => ensureDependencies().then(() => undefined)))) return shutdown(1);
  const settings = readBootstrapSettings();
  applyContractDefaults();
  claimSingleInstance(join(testDir, 'run.pid'), 'npm test');
  const supervisor = new Supervisor({ stateFile: join(testDir, 'processes.json'), graceMs: settings.stopGraceMs });
  await Promise.all(
    ['temporal', ...clusterProcessNames, ...appProcessNames(settings.workerProcesses)].map((name) => supervisor.stopLeftover(name)),
  );
  supervisor.onUnexpectedExit((child) => {
    fail(`${child.name} ${child.exitDescription} during the tests (log: ${child.logFile ?? 'none'})`);
    report.addFailure(`${child.name} stayed up`, `${child.exitDescription}; see ${child.logFile ?? 'its output'}`);
  });

  const [temporalPort, apiPort, sandboxPort, unusedUiPort, embeddedPgPort, workerMetricsPort] = await findFreePorts(6);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    // Headless: nothing listens here, but every process gets a well-formed value.
    TEMPORAL_UI_URL: `http://127.0.0.1:${unusedUiPort}`,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    API_URL: `http://127.0.0.1:${apiPort}`,
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    // The first worker's metrics (worker/metrics/); further workers count up from it.
    WORKER_METRICS_PORT: String(workerMetricsPort),
    WORKER_METRICS_URL: `http://127.0.0.1:${workerMetricsPort}/metrics`,
    // The stack's own 5-minute stock sync would push every ACTIVE test channel's stock whenever a run
    // crosses a 5-minute boundary, under the feet of the stock-sync tests; those start their syncs themselves.
    STOCK_SYNC_ENABLED: 'false',
    OUTAGE_DETECTION_ENABLED: 'false',
    // The suites are written against the European demo retailer; the Indonesian one has its own test.
    SEED_PROFILE: 'europe',
  });

  const postgres = findPostgres({ settings, embeddedDir: join(testDir, 'embedded-pg'), embeddedPort: Number(embeddedPgPort) });
  const namespace = /** @type {string} */ (process.env.TEMPORAL_NAMESPACE);
  await Promise.all([
    report.stage('chromium for e2e', ensureChromiumForE2e),
    report.stage('temporal server', async () => {
      if (settings.temporalMode === 'dev') {
        await startTestTemporal({ supervisor, settings, port: Number(temporalPort), namespace, logFile: join(logDir, 'temporal.log') });
        return;
      }
      await startTemporalCluster({
        supervisor,
        settings,
        serverUrl: (await postgres).serverUrl,
        applicationDatabase: settings.testDatabaseName,
        recreate: true,
        frontendPort: Number(temporalPort),
        root: join(testDir, 'temporal-cluster'),
        logDir,
        namespace,
      });
    }),
    report.stage('database', async () => {
      const { serverUrl } = await postgres;
      await recreateDatabase(serverUrl, settings.testDatabaseName);
      process.env.DATABASE_URL = databaseUrlFor(serverUrl, settings.testDatabaseName);
      await prepareSchema(process.env.DATABASE_URL);
    }),
  ]);
  await report.stage('admin UI build', () => buildAdminUiIfStale(settings));
  await report.stage('api, worker, sandbox', () => startAppProcesses({ supervisor, settings, logDir }).then(() => undefined), {
    needs: ['temporal server', 'database'],
  });
  report.bootstrapMs = performance.now() - report.startedAt;

  const staticChecks = {
    eslint: [localBin('eslint'), ['--max-warnings', '0', '.']],
    format: [localBin('prettier'), ['--check', '--log-level', 'warn', '.']],
    typecheck: [localBin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
    // The admin UI has its own compiler settings (DOM, JSX, bundler resolution); the root config excludes it.
    'typecheck admin UI': [localBin('tsc'), ['--noEmit', '-p', 'admin/tsconfig.json']],
  };
  for (const [name, [command, commandArgs]] of Object.entries(staticChecks)) {
    // A run of chosen test files is for the tests; the whole repository's checks belong to the full run (and `npm run lint`/`typecheck`).
    if (jestArgs.length > 0) report.skip(name, 'test files chosen: run by `npm test` without arguments');
    else await report.stage(name, async () => (await runCommand(command, commandArgs)).code === 0);
  }
  const jest = async (/** @type {string} */ resultsFile, /** @type {string[]} */ args) =>
    (await runCommand(localBin('jest'), ['--ci', '--json', '--outputFile', resultsFile, ...args])).code === 0;
  if (jestArgs.length > 0) {
    await report.stage('jest', () => jest(jestResultsFile, jestArgs));
  } else {
    await report.stage('jest', () => jest(jestResultsFile, ['--selectProjects', 'stack']));
    await report.stage('jest (browser)', () => jest(browserResultsFile, ['--selectProjects', 'browser', '--runInBand']));
  }
  return shutdown(report.failed ? 1 : 0);
}
