import { condition, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { PickupOrderSnapshot } from '../../activities/orders/pickup-order-snapshot';
import { type PickupSettings } from '../../domain/pickup/pickup-settings';
import { type CancelPickupRequest, type PickupStep, type PickupTimeline as PickupTimelineView } from '../../domain/pickup/pickup-workflow';
import { TaskInbox } from '../tasks/task-inbox';
import { Compensations } from './compensations';
import { db } from './pickup-activities';
import { currentStepAttribute, storeCodeAttribute } from './pickup-search-attributes';
import { type PickupOrderStart, usesOneTaskStart } from './pickup-start';
import { PickupTimeline } from './pickup-timeline';

/** Why the process is being wound down; decides refund keys, order status and the customer's message. */
export interface CloseContext {
  finalStep: 'CANCELLED' | 'EXPIRED';
  cause: 'CANCELLED' | 'EXPIRED' | 'UNFULFILLABLE';
  reason: string;
}

/**
 * The state of one pickup run, shared by its phases: where it is, what is reserved and refunded, what
 * to undo, the timeline, and the task it waits on. Everything here is rebuilt identically on replay.
 */
export class PickupRun {
  readonly orderId: string;
  readonly workflowId = workflowInfo().workflowId;
  storeCode: string;
  settings: PickupSettings;
  order!: PickupOrderSnapshot;
  step: PickupStep = 'RESERVING';
  readonly timeline = new PickupTimeline();
  readonly inbox = new TaskInbox();
  readonly compensations = new Compensations<CloseContext>();
  cancellation: CancelPickupRequest | null = null;
  /** A correct code was accepted: from here on nothing can cancel the order. */
  handoverStarted = false;
  finished = false;
  /** Units reserved per order line right now. */
  readonly reservedByLine = new Map<string, number>();
  readonly refundedUnitsByLine: Record<string, number> = {};
  /** Messages on their way to the customer or staff (see deliver-notifications.ts); awaited before closing. */
  readonly deliveries: Promise<void>[] = [];
  /** Short DB steps as local activities, the order from the input, search attributes only on change (pickup-start.ts). */
  readonly oneTaskStart = usesOneTaskStart();
  private tasksClosedOnUndo = false;
  /** What the admin Workflows screen already shows: the starter sets both, then `enter` keeps them current. */
  private shownStep: string | undefined;
  private shownStoreCode: string | undefined;

  constructor(input: PickupOrderStart) {
    this.orderId = input.orderId;
    this.storeCode = input.storeCode;
    this.settings = input.settings;
    const attributes = workflowInfo().typedSearchAttributes;
    this.shownStep = attributes.get(currentStepAttribute);
    this.shownStoreCode = attributes.get(storeCodeAttribute);
  }

  enter(step: PickupStep): void {
    this.step = step;
    // An upsert is a history event and a write to the visibility store: skip the ones that change nothing.
    if (this.oneTaskStart && this.shownStep === step && this.shownStoreCode === this.storeCode) return;
    this.shownStep = step;
    this.shownStoreCode = this.storeCode;
    upsertSearchAttributes([
      { key: currentStepAttribute, value: step },
      { key: storeCodeAttribute, value: this.storeCode },
    ]);
  }

  get cancelRequested(): boolean {
    return this.cancellation !== null;
  }

  /** Waits up to `timeoutMs` (forever when undefined) for `done` or a cancellation; true when one came. */
  async waitFor(done: () => boolean, timeoutMs?: number): Promise<boolean> {
    const settled = () => done() || (this.cancelRequested && !this.inbox.isApplying);
    return timeoutMs === undefined ? condition(settled).then(() => true) : condition(settled, Math.max(timeoutMs, 1));
  }

  /** ISO time `ms` from now (workflow time): a task's due time. */
  dueIn(ms: number): string {
    return new Date(new Date().getTime() + ms).toISOString();
  }

  /** Once any task exists, closing the process must close whatever tasks are still open. */
  closeTasksOnUndo(): void {
    if (this.tasksClosedOnUndo) return;
    this.tasksClosedOnUndo = true;
    this.compensations.add({
      name: 'close open tasks',
      undo: async (close) => {
        this.inbox.close();
        await db.closeWorkflowTasks({ workflowId: this.workflowId, status: close.finalStep });
      },
    });
  }

  addRefunded(lineId: string, units: number): void {
    this.refundedUnitsByLine[lineId] = (this.refundedUnitsByLine[lineId] ?? 0) + units;
  }

  view(): PickupTimelineView {
    return {
      orderId: this.orderId,
      currentStep: this.step,
      storeCode: this.storeCode,
      openTask: this.inbox.openTask,
      entries: this.timeline.snapshot(),
    };
  }
}
