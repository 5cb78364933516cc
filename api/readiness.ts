export type DependencyName = 'database' | 'temporal';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why it counts as down; short and safe to show (no connection strings). */
  error?: string;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  dependencies: Record<DependencyName, DependencyStatus>;
}

export interface ReadinessProbes {
  /** Resolves when the database answers a trivial query. */
  database: () => Promise<unknown>;
  /** Resolves when the Temporal frontend answers; gets the deadline (epoch ms) to pass on. */
  temporal: (deadline: number) => Promise<unknown>;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code !== '' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: describeFailure(error).split('\n')[0] ?? 'unknown error',
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes every dependency in parallel, each with its own time limit, so one slow one can't hide another. */
export async function checkReadiness(probes: ReadinessProbes, timeoutMs: number): Promise<Readiness> {
  const [database, temporal] = await Promise.all([
    probe(probes.database, timeoutMs),
    probe(() => probes.temporal(Date.now() + timeoutMs), timeoutMs),
  ]);
  const ready = database.status === 'up' && temporal.status === 'up';
  return { status: ready ? 'ready' : 'not_ready', dependencies: { database, temporal } };
}
