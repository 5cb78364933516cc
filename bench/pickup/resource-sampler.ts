import os from 'node:os';
import { type Client } from 'pg';
import { machineCpuSeconds, processCpuSeconds, processCpuWaitSeconds } from './process-cpu';

export interface SampledProcess {
  name: string;
  pid: number;
}

export interface PoolUsage {
  /** Connections of this process busy (in a query or a transaction) on average over the samples. */
  meanBusy: number;
  maxBusy: number;
  /** Share of samples in which every connection of the pool was busy: requests were queueing for one. */
  saturatedShare: number;
}

export interface ResourceUsage {
  /** CPU per process in percent of one core (200 = both cores of a 2-core machine). */
  cpuPercent: Record<string, number>;
  /** Per stack process, thread time spent runnable but waiting for a core, in percent of the step (can exceed 100 with many threads). */
  cpuWaitPercent: Record<string, number>;
  /** CPU seconds the stack used (Temporal, worker, API, PostgreSQL backends; not the bench) during the step. */
  stackCpuSeconds: number;
  /** The whole machine, in percent of all its cores, including whatever else runs on it. */
  machineBusyPercent: number;
  /** Database connections by application_name (bench-api, bench-worker). */
  pools: Record<string, PoolUsage>;
}

export interface ResourceSampling {
  stop(): Promise<ResourceUsage>;
}

const POSTGRES = 'postgres (bench db)';
const BENCH = 'bench (load generator)';

/**
 * Samples, while a step runs, the CPU of each process of the stack (from /proc), of the PostgreSQL
 * backends serving the bench database, of the bench itself, and how many of each pool's connections
 * are busy (pg_stat_activity). Together these say what a step was short of.
 */
export function startResourceSampling(options: {
  sql: Client;
  databaseName: string;
  processes: SampledProcess[];
  poolSize: number;
  intervalMs: number;
}): ResourceSampling {
  const startedAt = performance.now();
  const firstCpu = new Map(options.processes.map((process) => [process.name, processCpuSeconds(process.pid) ?? 0]));
  const firstWait = new Map(options.processes.map((process) => [process.name, processCpuWaitSeconds(process.pid) ?? 0]));
  const benchCpuStart = process.cpuUsage();
  const machineStart = machineCpuSeconds();
  const backendFirst = new Map<number, number>();
  const backendLast = new Map<number, number>();
  const busyByApp = new Map<string, number[]>();
  let sampling: Promise<void> = Promise.resolve();

  async function sample(): Promise<void> {
    const { rows } = await options.sql.query<{ pid: number; application_name: string; state: string | null }>(
      'SELECT pid, application_name, state FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [options.databaseName],
    );
    const busy = new Map<string, number>();
    for (const row of rows) {
      const cpu = processCpuSeconds(row.pid);
      if (cpu !== undefined) {
        if (!backendFirst.has(row.pid)) backendFirst.set(row.pid, cpu);
        backendLast.set(row.pid, cpu);
      }
      if (row.application_name !== '')
        busy.set(row.application_name, (busy.get(row.application_name) ?? 0) + (row.state !== null && row.state !== 'idle' ? 1 : 0));
    }
    for (const [app, count] of busy) busyByApp.set(app, [...(busyByApp.get(app) ?? []), count]);
  }
  const timer = setInterval(() => {
    // One sample at a time: a slow catalogue query must not stack samples up.
    sampling = sampling.then(sample).catch(() => undefined);
  }, options.intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      const wallSeconds = (performance.now() - startedAt) / 1000;
      const percentOf = (cpuSeconds: number) => (cpuSeconds / wallSeconds) * 100;
      const cpuPercent: Record<string, number> = {};
      const cpuWaitPercent: Record<string, number> = {};
      for (const { name, pid } of options.processes) {
        cpuPercent[name] = percentOf((processCpuSeconds(pid) ?? 0) - (firstCpu.get(name) ?? 0));
        cpuWaitPercent[name] = percentOf((processCpuWaitSeconds(pid) ?? 0) - (firstWait.get(name) ?? 0));
      }
      let backendCpu = 0;
      for (const [pid, last] of backendLast) backendCpu += last - (backendFirst.get(pid) ?? last);
      cpuPercent[POSTGRES] = percentOf(backendCpu);
      const stackCpuSeconds = (Object.values(cpuPercent).reduce((sum, percent) => sum + percent, 0) / 100) * wallSeconds;
      const benchCpu = process.cpuUsage(benchCpuStart);
      cpuPercent[BENCH] = percentOf((benchCpu.user + benchCpu.system) / 1e6);
      const machineEnd = machineCpuSeconds();
      const machineBusyPercent = ((machineEnd.busy - machineStart.busy) / Math.max(1e-9, machineEnd.total - machineStart.total)) * 100;
      const pools: Record<string, PoolUsage> = {};
      for (const [app, counts] of busyByApp) {
        pools[app] = {
          meanBusy: counts.reduce((sum, count) => sum + count, 0) / counts.length,
          maxBusy: Math.max(...counts),
          saturatedShare: counts.filter((count) => count >= options.poolSize).length / counts.length,
        };
      }
      return { cpuPercent, cpuWaitPercent, stackCpuSeconds, machineBusyPercent, pools };
    },
  };
}

export const cpuCores = os.cpus().length;
