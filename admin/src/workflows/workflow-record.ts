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
  timeline: { currentStep: string; openTask: { taskId: string; type: string } | null; entries: TimelineEntry[] } | null;
  timelineError: string | null;
}

export const isRunning = (run: Pick<WorkflowRecord, 'status'> | undefined): boolean => run?.status === 'RUNNING';
