import { readFileSync } from 'node:fs';
import { Client } from 'pg';

interface StatementTiming {
  calls: number;
  ms: number;
  /** CPU time of the PostgreSQL backend that ran it (from /proc: what the statement cost, whatever else runs). */
  backendCpuMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a local process in ms, or NaN when it cannot be read (a remote server). */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * Times every statement this process sends through node-postgres (the COPY import's own client and
 * Prisma's adapter pool alike), summed by the statement's first words, so a run shows where the time
 * goes (BENCH_STATEMENT_TIMINGS). A COPY is timed until its stream ends. Bench only: it wraps
 * `Client.prototype.query` for the life of the process.
 */
export function recordStatementTimings(): { take: () => Map<string, StatementTiming> } {
  let timings = new Map<string, StatementTiming>();
  const prototype = Client.prototype as unknown as { query: (this: Client, ...args: unknown[]) => unknown };
  const original = prototype.query;
  const add = (label: string, started: number, pid: number | undefined, cpuStarted: number) => {
    const timing = timings.get(label) ?? { calls: 0, ms: 0, backendCpuMs: 0 };
    timing.calls += 1;
    timing.ms += performance.now() - started;
    timing.backendCpuMs += cpuMsOf(pid) - cpuStarted;
    timings.set(label, timing);
  };
  prototype.query = function timedQuery(this: Client, ...args: unknown[]): unknown {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    const label = labelOf(text);
    const pid = (this as unknown as { processID?: number }).processID;
    const cpuStarted = cpuMsOf(pid);
    const started = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) return result.finally(() => add(label, started, pid, cpuStarted));
    if (result !== null && typeof result === 'object' && 'on' in result && label.startsWith('COPY')) {
      (result as NodeJS.EventEmitter).on('finish', () => add(label, started, pid, cpuStarted));
    }
    return result;
  };
  return {
    take: () => {
      const taken = timings;
      timings = new Map();
      return taken;
    },
  };
}

function labelOf(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words === '') return 'COPY (stream)';
  return words.slice(0, 90);
}
