import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BenchChild, startChild } from '../bench/pickup/child-process';
import { startTemporalDevServer } from '../bench/pickup/temporal-dev-server';
import { waitUntil } from '../bench/pickup/wait-until';
import { type ClusterTemporal } from './cluster-temporal';

const repoRoot = path.resolve(__dirname, '..');
const STOP_GRACE_MS = 10_000;

/** The processes a restart fault hits, each restartable in place (same port, same state). */
export type StackProcess = 'api' | 'sandbox' | 'worker' | 'temporal';

export interface RestartStackOptions {
  runDir: string;
  databaseUrl: string;
  ports: { api: number; sandbox: number; temporal: number };
  /** The dev server (SQLite file in the run directory, so a restart keeps every run) unless a cluster is given. */
  temporal: { kind: 'dev'; cli: string } | { kind: 'cluster'; cluster: ClusterTemporal };
  startupTimeoutMs: number;
}

/**
 * The whole stack as processes, as deployed (`api/main.ts`, `worker/main.ts` with its workflow-start
 * relay, `channels/sandbox/main.ts` sending signed webhooks, a Temporal server), on fixed ports so each
 * can be restarted in place: `restart(name)` kills one (SIGKILL for ours, as a crash; the sandbox and the
 * dev server are stopped with SIGTERM so the outside world and Temporal keep their state, as a restarted
 * marketplace or Temporal deployment would) and starts it again. Logs per process and generation in the
 * run directory.
 */
export class RestartStack {
  private readonly children = new Map<StackProcess, BenchChild>();
  private readonly generations = new Map<StackProcess, number>();
  private readonly jwtSecret = randomBytes(32).toString('hex');

  constructor(private readonly options: RestartStackOptions) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.options.ports.api}`;
  }

  get sandboxUrl(): string {
    return `http://127.0.0.1:${this.options.ports.sandbox}`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.options.ports.temporal}`;
  }

  async start(): Promise<void> {
    await this.startProcess('temporal');
    await this.startProcess('sandbox');
    await Promise.all([this.startProcess('api'), this.startProcess('worker')]);
  }

  /** Kills `name` and starts it again after `downMs`; resolves once it answers again. */
  async restart(name: StackProcess, downMs: number): Promise<void> {
    const child = this.children.get(name);
    this.children.delete(name);
    if (child !== undefined) {
      if (name === 'api' || name === 'worker') {
        process.kill(child.pid, 'SIGKILL');
        await child.stop(0);
      } else await child.stop(STOP_GRACE_MS);
    }
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startProcess(name);
  }

  async stop(): Promise<void> {
    for (const name of ['api', 'worker', 'sandbox', 'temporal'] as const) {
      await this.children.get(name)?.stop(STOP_GRACE_MS);
      this.children.delete(name);
    }
  }

  private logFile(name: string): string {
    const generation = (this.generations.get(name as StackProcess) ?? 0) + 1;
    this.generations.set(name as StackProcess, generation);
    return path.join(this.options.runDir, `${name}-${generation}.log`);
  }

  private shared(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: this.options.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'omnichannel',
      SANDBOX_URL: this.sandboxUrl,
    };
  }

  private typescript(name: StackProcess, entry: string, env: NodeJS.ProcessEnv): BenchChild {
    return startChild({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', entry],
      env,
      cwd: repoRoot,
      logFile: this.logFile(name),
    });
  }

  private async startProcess(name: StackProcess): Promise<void> {
    const timeoutMs = this.options.startupTimeoutMs;
    if (name === 'temporal') {
      if (this.options.temporal.kind === 'cluster') {
        await this.options.temporal.cluster.ready(timeoutMs);
        return;
      }
      const server = await startTemporalDevServer({
        cli: this.options.temporal.cli,
        port: this.options.ports.temporal,
        logFile: this.logFile('temporal'),
        timeoutMs,
        dbFile: path.join(this.options.runDir, 'temporal.db'),
      });
      this.children.set('temporal', server.child);
      return;
    }
    if (name === 'sandbox') {
      const child = this.typescript('sandbox', 'channels/sandbox/main.ts', {
        ...this.shared(),
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_PORT: String(this.options.ports.sandbox),
        API_URL: this.apiUrl,
        // The marketplace keeps its orders and refunds across its restart, as a real one does.
        SANDBOX_STATE_FILE: path.join(this.options.runDir, 'sandbox-state.json'),
        SANDBOX_STATE_SNAPSHOT_INTERVAL_MS: '500',
      });
      this.children.set('sandbox', child);
      await waitUntil('the sandbox', async () => (await fetch(`${this.sandboxUrl}/healthz`)).ok, {
        timeoutMs,
        giveUpIf: () => child.exitDescription(),
      });
      return;
    }
    if (name === 'api') {
      const child = this.typescript('api', 'api/main.ts', {
        ...this.shared(),
        API_HOST: '127.0.0.1',
        API_PORT: String(this.options.ports.api),
        JWT_SECRET: this.jwtSecret,
      });
      this.children.set('api', child);
      await waitUntil(`the API at ${this.apiUrl}/readyz`, async () => (await fetch(`${this.apiUrl}/readyz`)).ok, {
        timeoutMs,
        giveUpIf: () => child.exitDescription(),
      });
      return;
    }
    const child = this.typescript('worker', 'worker/main.ts', {
      ...this.shared(),
      STOCK_SYNC_ENABLED: 'false',
      WORKER_METRICS_PORT: '0',
      WORKER_SHUTDOWN_GRACE_MS: '1000',
    });
    this.children.set('worker', child);
    await waitUntil('the worker to poll', () => Promise.resolve(/\[worker\] polling task queue/.test(readText(child.logFile))), {
      timeoutMs,
      giveUpIf: () => child.exitDescription(),
    });
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
