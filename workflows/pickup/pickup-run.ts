import { workflowInfo } from '@temporalio/workflow';
import { type PickupOrderSnapshot } from '../../domain/pickup/pickup-order-snapshot';
import { type PickupSettings } from '../../domain/pickup/pickup-settings';
import { type CancelPickupRequest, type PickupOrderInput, type PickupStep, type PickupTimeline } from '../../domain/pickup/pickup-workflow';
import { type TaskOutcome } from '../../domain/tasks/task-outcomes';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { BackgroundDeliveries } from '../kit/background-deliveries';
import { Compensations } from '../kit/saga';
import { ShownSearchAttributes } from '../kit/shown-search-attributes';
import { TaskInbox } from '../kit/task-inbox';
import { TaskWaits } from '../kit/task-waits';
import { TimelineRecorder } from '../kit/timeline-recorder';
import { usesOneTaskStart } from './pickup-start';

/** Why the process is being wound down; decides refund keys, order status and the customer's message. */
export interface CloseContext {
  finalStep: 'CANCELLED' | 'EXPIRED';
  cause: 'CANCELLED' | 'EXPIRED' | 'UNFULFILLABLE';
  reason: string;
}

/**
 * The state of one pickup run, shared by its phases: where it is, what is reserved and refunded, and
 * the kit's parts (timeline, task inbox and waits, compensations, background deliveries). Everything
 * here is rebuilt identically on replay.
 */
export class PickupRun {
  readonly orderId: string;
  readonly workflowId = workflowInfo().workflowId;
  storeCode: string;
  settings: PickupSettings;
  order!: PickupOrderSnapshot;
  step: PickupStep = 'RESERVING';
  cancellation: CancelPickupRequest | null = null;
  /** A correct code was accepted: from here on nothing can cancel the order. */
  handoverStarted = false;
  finished = false;
  /** Units reserved per order line right now. */
  readonly reservedByLine = new Map<string, number>();
  readonly refundedUnitsByLine: Record<string, number> = {};
  /** Short DB steps as local activities, the order from the input, search attributes only on change (pickup-start.ts). */
  readonly oneTaskStart = usesOneTaskStart();

  readonly timeline = new TimelineRecorder();
  readonly inbox = new TaskInbox<TaskOutcome>();
  readonly compensations = new Compensations<CloseContext>();
  readonly deliveries = new BackgroundDeliveries(this.timeline);
  readonly waits = new TaskWaits<CloseContext>({
    workflowId: this.workflowId,
    inbox: this.inbox,
    compensations: this.compensations,
    interrupted: () => this.cancellation !== null,
    closedTaskStatus: (close) => close.finalStep,
  });
  /** What the admin Workflows screen shows: the starter sets both, then `enter` keeps them current. */
  private readonly shown = new ShownSearchAttributes([searchAttributes.currentStep, searchAttributes.storeCode]);

  constructor(input: PickupOrderInput) {
    this.orderId = input.orderId;
    this.storeCode = input.storeCode;
    this.settings = input.settings;
  }

  enter(step: PickupStep): void {
    this.step = step;
    this.shown.show(
      [
        { key: searchAttributes.currentStep, value: step },
        { key: searchAttributes.storeCode, value: this.storeCode },
      ],
      { evenIfUnchanged: !this.oneTaskStart },
    );
  }

  addRefunded(lineId: string, units: number): void {
    this.refundedUnitsByLine[lineId] = (this.refundedUnitsByLine[lineId] ?? 0) + units;
  }

  view(): PickupTimeline {
    return {
      orderId: this.orderId,
      currentStep: this.step,
      storeCode: this.storeCode,
      openTask: this.inbox.openTask,
      entries: this.timeline.snapshot(),
    };
  }
}
