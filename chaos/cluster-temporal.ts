import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitUntil } from '../bench/pickup/wait-until';

const bootstrapDir = path.resolve(__dirname, '..', 'scripts', 'bootstrap');

interface SupervisedService {
  name: string;
  pid: number;
  exited: boolean;
  logFile?: string;
}

interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  marker: string;
  logFile?: string;
}

interface Supervisor {
  start(spec: ServiceSpec): SupervisedService;
  stop(names: string[]): Promise<void>;
}

/** The cluster as the bootstrap builds and runs it (scripts/bootstrap/temporal-cluster.mjs), driven from here. */
interface BootstrapModules {
  Supervisor: new (options: { stateFile: string; graceMs: number }) => Supervisor;
  readBootstrapSettings(): Record<string, unknown>;
  startTemporalCluster(spec: Record<string, unknown>): Promise<{ address: string }>;
  clusterProcessNames: string[];
}

async function loadBootstrap(): Promise<BootstrapModules> {
  const load = (file: string) => import(pathToFileURL(path.join(bootstrapDir, file)).href) as Promise<Record<string, unknown>>;
  const [processes, settings, cluster] = await Promise.all([load('processes.mjs'), load('settings.mjs'), load('temporal-cluster.mjs')]);
  return { ...processes, ...settings, ...cluster } as unknown as BootstrapModules;
}

/**
 * The real Temporal server (v1.29.1) as four processes on the run's PostgreSQL, exactly as
 * `npm run dev -- --cluster` starts it (the bootstrap's own code: binaries, schemas, config, ports,
 * namespace, search attributes), but supervised here, so one service can be SIGKILLed and started again
 * in place while the other three keep running: the bootstrap's own supervisor would stop everything.
 */
export class ClusterTemporal {
  private readonly specs = new Map<string, ServiceSpec>();
  private readonly services = new Map<string, SupervisedService>();
  private supervisor: Supervisor | undefined;
  private names: string[] = [];
  address = '';

  constructor(
    private readonly options: {
      runDir: string;
      serverUrl: string;
      applicationDatabase: string;
      frontendPort: number;
      historyShards: number;
    },
  ) {}

  async start(): Promise<void> {
    process.env.TEMPORAL_HISTORY_SHARDS = String(this.options.historyShards);
    const bootstrap = await loadBootstrap();
    const supervisor = new bootstrap.Supervisor({ stateFile: path.join(this.options.runDir, 'cluster-processes.json'), graceMs: 10_000 });
    const start = supervisor.start.bind(supervisor);
    supervisor.start = (spec) => {
      this.specs.set(spec.name, spec);
      const service = start(spec);
      this.services.set(spec.name, service);
      return service;
    };
    this.supervisor = supervisor;
    this.names = bootstrap.clusterProcessNames;
    const root = path.join(this.options.runDir, 'temporal-cluster');
    const { address } = await bootstrap.startTemporalCluster({
      supervisor,
      settings: bootstrap.readBootstrapSettings(),
      serverUrl: this.options.serverUrl,
      applicationDatabase: this.options.applicationDatabase,
      recreate: true,
      frontendPort: this.options.frontendPort,
      root,
      logDir: path.join(root, 'logs'),
      namespace: 'default',
    });
    this.address = address;
  }

  /** Every service running (none exited). */
  async ready(timeoutMs: number): Promise<void> {
    await waitUntil(
      'the Temporal cluster services',
      () => Promise.resolve([...this.services.values()].every((service) => !service.exited)),
      {
        timeoutMs,
      },
    );
  }

  /** SIGKILL of one service (`temporal-history`), then the same process started again after `downMs`. */
  async killAndRestart(name: string, downMs: number, timeoutMs: number): Promise<void> {
    const service = this.services.get(name);
    const spec = this.specs.get(name);
    if (service === undefined || spec === undefined || this.supervisor === undefined) throw new Error(`no cluster service ${name}`);
    // The bootstrap starts each service in a process group of its own.
    process.kill(-service.pid, 'SIGKILL');
    await waitUntil(`${name} to die`, () => Promise.resolve(service.exited), { timeoutMs });
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.supervisor.start(spec);
    await waitUntil(
      `${name} to serve again`,
      () => Promise.resolve(spec.logFile === undefined || !/panic|fatal/i.test(readTail(spec.logFile))),
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await this.supervisor?.stop(this.names);
  }
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}
