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

/** Bundles the workflows once (as `npm run build:workflows` does), so every replacement worker starts in seconds. */
export async function buildWorkflowBundle(runDir: string): Promise<string> {
  const out = path.join(runDir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry, workflowInterceptorModules: [runMetricsInterceptorModule] });
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

  constructor(private readonly options: WorkerPoolOptions) {}

  async start(): Promise<void> {
    this.generation += 1;
    const child = startChild({
      name: `chaos-worker-${this.generation}`,
      command: process.execPath,
      args: ['--import', 'tsx', path.join(__dirname, 'worker-process.ts')],
      env: {
        ...process.env,
        DATABASE_URL: this.options.databaseUrl,
        TEMPORAL_ADDRESS: this.options.temporalAddress,
        CHAOS_TASK_QUEUE: this.options.taskQueue,
        CHAOS_WORKFLOW_BUNDLE: this.options.bundlePath,
        MESSAGE_GATEWAY_URL: this.options.gatewayUrl,
      },
      cwd: repoRoot,
      logFile: path.join(this.options.runDir, `chaos-worker-${this.generation}.log`),
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
