import { workflowInfo } from '@temporalio/workflow';
import { type LoadedReturn } from '../../activities/returns/load-return';
import {
  type CancelReturnRequest,
  type ReturnOrderInput,
  type ReturnTaskOutcome,
  type ReturnTimeline,
} from '../../domain/returns/return-workflow';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { Approvals } from '../kit/approvals';
import { BackgroundDeliveries } from '../kit/background-deliveries';
import { Compensations } from '../kit/saga';
import { ShownSearchAttributes } from '../kit/shown-search-attributes';
import { TaskInbox } from '../kit/task-inbox';
import { TaskWaits } from '../kit/task-waits';
import { TimelineRecorder } from '../kit/timeline-recorder';

export type ReturnStep =
  'RECEIVE' | 'INSPECT' | 'APPROVE' | 'REFUND' | 'STOCK' | 'NOTIFY' | 'HANDBACK' | 'CLOSED' | 'REJECTED' | 'CANCELLED';

/** Why the return is being undone (the customer changed their mind before the refund). */
export interface UndoContext {
  reason: string;
}

/**
 * The state of one return's run, shared by its phases: where it is, the return as loaded, and the kit's
 * parts (timeline, task inbox and waits, approvals, compensations, background deliveries). Rebuilt
 * identically on replay.
 */
export class ReturnRun {
  readonly returnId: string;
  readonly workflowId = workflowInfo().workflowId;
  readonly settings: ReturnOrderInput['settings'];
  record!: LoadedReturn;
  step: ReturnStep = 'RECEIVE';
  cancellation: CancelReturnRequest | null = null;
  finished = false;
  refundedMinor = 0;
  /** Where the refund went, as the customer's message says it (set by the refund phase). */
  refundTo: string | null = null;

  readonly timeline = new TimelineRecorder();
  readonly inbox = new TaskInbox<ReturnTaskOutcome>();
  readonly approvals = new Approvals();
  readonly compensations = new Compensations<UndoContext>();
  readonly deliveries = new BackgroundDeliveries(this.timeline);
  readonly waits = new TaskWaits<UndoContext>({
    workflowId: this.workflowId,
    inbox: this.inbox,
    compensations: this.compensations,
    interrupted: () => this.cancellation !== null,
    closedTaskStatus: () => 'CANCELLED',
  });
  private readonly shown = new ShownSearchAttributes([searchAttributes.currentStep]);

  constructor(input: ReturnOrderInput) {
    this.returnId = input.returnId;
    this.settings = input.settings;
  }

  enter(step: ReturnStep): void {
    this.step = step;
    this.shown.show([{ key: searchAttributes.currentStep, value: step }]);
  }

  /** Cancellation is taken until the refund starts (steps: domain/returns/return-definition.ts). */
  get cancellable(): boolean {
    return !this.finished && (this.step === 'RECEIVE' || this.step === 'INSPECT');
  }

  view(): ReturnTimeline {
    return { currentStep: this.step, openTask: this.inbox.openTask, entries: this.timeline.snapshot() };
  }
}
