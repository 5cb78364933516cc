import { proxyActivities } from '@temporalio/workflow';
import { Compensations } from '../../../workflows/kit/saga';
import { TimelineRecorder } from '../../../workflows/kit/timeline-recorder';
import { type SampleSagaActivities, type SampleSagaInput } from './sample-contract';

const steps = proxyActivities<SampleSagaActivities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

/**
 * Runs each step, registering its undo only once it succeeded; a failing step undoes everything before
 * it, last first, and the run fails with the step's own error.
 */
export async function sampleSaga(input: SampleSagaInput): Promise<{ done: string[] }> {
  const timeline = new TimelineRecorder();
  const compensations = new Compensations<{ reason: string }>();
  const done: string[] = [];
  return compensations.undoOnFailure(
    async () => {
      for (const step of input.steps) {
        const entry = timeline.begin(step);
        await steps.doStep({ step, fail: step === input.failAtStep });
        compensations.add({ name: `undo ${step}`, undo: () => steps.undoStep({ step }) });
        done.push(step);
        timeline.end(entry, 'done');
      }
      return { done };
    },
    (error) => ({ reason: error instanceof Error ? error.message : String(error) }),
  );
}
