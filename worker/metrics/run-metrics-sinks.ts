import path from 'node:path';
import { type InjectedSinks } from '@temporalio/worker';
import { type RunMetricsSinks } from './workflow-run-metrics-interceptor';
import { type WorkerMetrics } from './worker-metrics';

/** The sandbox module that reports run starts and ends; workers load it and the production bundle includes it. */
export const runMetricsInterceptorModule = path.resolve(__dirname, 'workflow-run-metrics-interceptor.ts');

/** The worker side of the run-metrics sink: counts into this worker's registry, never during replay. */
export function runMetricsSinks(metrics: WorkerMetrics): InjectedSinks<RunMetricsSinks> {
  return {
    runMetrics: {
      started: {
        fn: (info) => metrics.workflowRunsStarted.inc({ workflow_type: info.workflowType }),
        callDuringReplay: false,
      },
      closed: {
        fn: (info, outcome) => metrics.workflowRunsClosed.inc({ workflow_type: info.workflowType, outcome }),
        callDuringReplay: false,
      },
    },
  };
}
