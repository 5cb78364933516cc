import { setTimeout as sleep } from 'node:timers/promises';
import { attemptWorkflowStart, type StartAttemptDeps } from './attempt-workflow-start';
import { claimDueStarts } from './claim-due-starts';
import { type WorkflowStartRelaySettings } from './start-settings';

export interface RelayLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface WorkflowStartRelay {
  /** Resolves once the loop has stopped after `stop()`; rejects only on a bug, never on a failed start. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * The durable half of "accepted means started": every worker runs one. Each round claims the starts
 * (and queued signals) that are due, with SKIP LOCKED so N workers share the work without doing any of
 * it twice, attempts them with bounded concurrency, and records each outcome; a start that fails waits
 * its backoff and comes round again, for as long as it takes. A round that found a full batch goes again
 * at once; otherwise the relay sleeps WORKFLOW_START_RELAY_INTERVAL_MS. A database hiccup is logged and
 * the round retried, so the relay never stops while its worker runs.
 */
export function startWorkflowStartRelay(
  deps: StartAttemptDeps,
  settings: WorkflowStartRelaySettings,
  logger: RelayLogger,
): WorkflowStartRelay {
  const stopping = new AbortController();
  const round = async (): Promise<number> => {
    const due = await claimDueStarts(deps.prisma, settings.batchSize, settings.claimMs);
    await forEachLimited(due, settings.concurrency, async (start) => {
      try {
        const outcome = await attemptWorkflowStart(deps, start);
        if (outcome.status === 'FAILED')
          logger.error('workflow start refused for good', { workflowId: start.workflowId, error: outcome.error });
        else if (outcome.status === 'PENDING' && start.attempts + 1 >= 3)
          logger.warn('workflow start still failing', { workflowId: start.workflowId, attempts: start.attempts + 1, error: outcome.error });
      } catch (error) {
        // Recording the outcome failed (database): the claim runs out and a later round tries again.
        logger.error('workflow start attempt not recorded', { workflowId: start.workflowId, error: String(error) });
      }
    });
    return due.length;
  };
  const done = (async () => {
    while (!stopping.signal.aborted) {
      let claimed = 0;
      try {
        claimed = await round();
      } catch (error) {
        logger.error('workflow start relay round failed; retrying', { error: String(error) });
      }
      if (claimed >= settings.batchSize) continue;
      await sleep(settings.intervalMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  })();
  return {
    done,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}
