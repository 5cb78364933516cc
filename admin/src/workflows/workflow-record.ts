import { type TimelineEntry } from './StepTimelineTable';

/** A run as GET /api/workflows/:id answers it (api/routes/workflow-runs/workflow-runs.validators.ts). */
export interface WorkflowRecord {
  id: string;
  type: string;
  businessKey: string | null;
  storeCode: string | null;
  status: string;
  currentStep: string | null;
  startTime: string;
  closeTime: string | null;
  temporalUiUrl: string;
  /** The order the run was started for (through the workflow-start outbox), if any. */
  orderId: string | null;
  orderNumber: string | null;
  customerName: string | null;
  timeline: { currentStep: string; openTask: { taskId: string; type: string } | null; entries: TimelineEntry[] } | null;
  timelineError: string | null;
  /** Every step of the run's workflow type, from its definition (api/workflow-registry/): names, labels, cancellability. */
  steps: WorkflowStep[];
}

export interface WorkflowStep {
  name: string;
  label: string;
  cancellable: boolean;
}

/** The step the run reports now: from its timeline query when it answered, else the CurrentStep search attribute. */
export const currentStepOf = (run: Pick<WorkflowRecord, 'timeline' | 'currentStep'>): string | null =>
  run.timeline?.currentStep ?? run.currentStep;

/** The step's label from the workflow's definition (the name itself for a step it does not list). */
export const stepLabelOf = (run: Pick<WorkflowRecord, 'steps'>, step: string): string =>
  run.steps.find((candidate) => candidate.name === step)?.label ?? step;

/** The run takes a business cancellation at its current step (the definition says which steps). */
export const isCancellableNow = (run: Pick<WorkflowRecord, 'timeline' | 'currentStep' | 'steps'>): boolean => {
  const step = currentStepOf(run);
  return step !== null && run.steps.some((candidate) => candidate.name === step && candidate.cancellable);
};

export const isRunning = (run: Pick<WorkflowRecord, 'status'> | undefined): boolean => run?.status === 'RUNNING';
