import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdir, writeFile } from 'node:fs/promises';
import { type BenchChild, startChild } from '../bench/pickup/child-process';
import { waitUntil } from '../bench/pickup/wait-until';
import { runMetricsInterceptorModule } from '../worker/metrics/run-metrics-sinks';
import { workflowsEntry } from '../worker/workflow-source';

const repoRoot = path.resolve(__dirname, '..');
const WORKER_START_TIMEOUT_MS = 60_000;
const activityTimeoutCapModule = path.join(__dirname, 'activity-timeout-cap-interceptor.ts');

/**
 * Bundles the workflows once (as `npm run build:workflows` does), so every replacement worker starts in
 * seconds; with the chaos suite's activity timeout cap, which acts only on runs started with its memo.
 */
export async function buildWorkflowBundle(runDir: string): Promise<string> {
  const out = path.join(runDir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsEntry,
    workflowInterceptorModules: [runMetricsInterceptorModule, activityTimeoutCapModule],
  });
  await mkdir(runDir, { recursive: true });
  await writeFile(out, code);
  return out;
}

export interface WorkerPoolOptions {
  runDir: string;
  taskQueue: string;
  bundlePath: string;
  databaseUrl: string;
  temporalAddress: string;
  /** The sandbox gateway the worker sends customer messages through. */
  gatewayUrl: string;
  /** The workers' sticky queue schedule-to-start timeout (chaos/recovery-budget.ts). */
  stickyQueueTimeoutMs: number;
  /** The processes' name and log file prefix (default `chaos-worker`): several pools may share a run directory. */
  name?: string;
}

/**
 * The one worker process of a chaos scenario: `restart()` kills the running one with SIGKILL (no
 * shutdown, activities cut off mid-flight, as a crashed machine would) and starts a replacement; each
 * process logs to its own file in the run directory.
 */
export class WorkerPool {
  private current: BenchChild | undefined;
  private generation = 0;
  kills = 0;
  /** How long each start took until the worker polled (the first, then every replacement). */
  readonly startMs: number[] = [];

  constructor(private readonly options: WorkerPoolOptions) {}

  get taskQueue(): string {
    return this.options.taskQueue;
  }

  async start(): Promise<void> {
    const startedAt = Date.now();
    this.generation += 1;
    const child = startChild({
      name: `${this.options.name ?? 'chaos-worker'}-${this.generation}`,
      command: process.execPath,
      args: ['--import', 'tsx', path.join(repoRoot, 'worker', 'isolated-worker-process.ts')],
      env: {
        ...process.env,
        DATABASE_URL: this.options.databaseUrl,
        TEMPORAL_ADDRESS: this.options.temporalAddress,
        ISOLATED_WORKER_TASK_QUEUE: this.options.taskQueue,
        ISOLATED_WORKER_MAX_CONCURRENT: '20',
        WORKFLOW_BUNDLE_PATH: this.options.bundlePath,
        WORKER_STICKY_QUEUE_TIMEOUT_MS: String(this.options.stickyQueueTimeoutMs),
        MESSAGE_GATEWAY_URL: this.options.gatewayUrl,
      },
      cwd: repoRoot,
      logFile: path.join(this.options.runDir, `${this.options.name ?? 'chaos-worker'}-${this.generation}.log`),
    });
    this.current = child;
    await waitUntil(
      `${child.name} to poll ${this.options.taskQueue}`,
      () => Promise.resolve(readFileSync(child.logFile, 'utf8').includes('worker ready')),
      {
        timeoutMs: WORKER_START_TIMEOUT_MS,
        intervalMs: 100,
        giveUpIf: () => child.exitDescription(),
      },
    );
    this.startMs.push(Date.now() - startedAt);
  }

  /** SIGKILL now (no grace at all); resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.current;
    if (child === undefined) return;
    this.current = undefined;
    process.kill(child.pid, 'SIGKILL');
    this.kills += 1;
    await child.stop(0);
  }

  async stop(): Promise<void> {
    await this.current?.stop(5000);
    this.current = undefined;
  }
}
