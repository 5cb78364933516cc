/**
 * Runs inside the workflow sandbox (loaded through the worker's interceptor modules): tells the worker,
 * through a sink, when a run starts and how it ends, so workflow starts and closes per type are counted
 * whoever started the run (API, relay, schedule, parent). Sinks are not called during replay and issue
 * no commands, so histories replay exactly as before.
 */
import { type Sinks, type WorkflowInterceptorsFactory, ContinueAsNew, isCancellation, proxySinks } from '@temporalio/workflow';

export type RunOutcome = 'completed' | 'failed' | 'cancelled' | 'continued_as_new';

export interface RunMetricsSinks extends Sinks {
  runMetrics: {
    started(): void;
    closed(outcome: RunOutcome): void;
  };
}

const { runMetrics } = proxySinks<RunMetricsSinks>();

function outcomeOf(error: unknown): RunOutcome {
  if (error instanceof ContinueAsNew) return 'continued_as_new';
  return isCancellation(error) ? 'cancelled' : 'failed';
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async execute(input, next) {
        runMetrics.started();
        try {
          const result = await next(input);
          runMetrics.closed('completed');
          return result;
        } catch (error) {
          runMetrics.closed(outcomeOf(error));
          throw error;
        }
      },
    },
  ],
});
