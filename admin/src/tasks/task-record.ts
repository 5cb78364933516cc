/** A task as the tasks API answers it (api/routes/tasks/tasks.validators.ts). */
export interface TaskRecord {
  id: string;
  type: string;
  /** STORE, MANAGER (escalated: managers only) or CUSTOMER_SERVICE. */
  queue: string;
  status: string;
  title: string;
  storeId: string | null;
  workflowId: string;
  assigneeUserId: string | null;
  payload: TaskPayload;
  dueAt: string | null;
  failedAttempts: number;
  /** What it was completed with (the type's outcome body), by whom and when; null while open or when closed unfinished. */
  outcome?: unknown;
  completedAt?: string | null;
  completedByUserId?: string | null;
  updatedAt?: string;
}

/** What the pickup workflow puts in PICK and HANDOVER tasks (workflows/pickup/*-phase.ts). */
export interface TaskPayload {
  orderId?: string;
  externalId?: string;
  customerName?: string;
  lines?: { lineId: string; sku?: string; productName?: string; quantity?: number; pickedQuantity?: number }[];
}

/** Statuses in which somebody still has to act. */
export const inboxStatuses = ['OPEN', 'CLAIMED', 'LOCKED'];

/** Statuses of a task nobody acts on any more: the task list's "Closed" view. */
export const closedStatuses = ['DONE', 'CANCELLED', 'EXPIRED'];

export const isActionable = (task: Pick<TaskRecord, 'status'>): boolean => task.status === 'OPEN' || task.status === 'CLAIMED';

export const taskTypeChoices = [
  'PICK',
  'HANDOVER',
  'CUSTOMER_SERVICE',
  'ESCALATION',
  'OUTAGE_CHECKLIST',
  'STOCK_COUNT',
  'RECONCILIATION_REVIEW',
  'RETURN_INSPECTION',
  'MANUAL_REFUND',
  'RETURN_HANDBACK',
  'PROMOTION_DECISION',
  'SHELF_LABEL',
].map((id) => ({ id, name: `omni.task_type.${id}` }));
export const taskStatusChoices = ['OPEN', 'CLAIMED', 'DONE', 'CANCELLED', 'EXPIRED', 'LOCKED'].map((id) => ({
  id,
  name: `omni.task_status.${id}`,
}));

/** From this much time left, an SLA chip turns to a warning. */
export const slaWarningWithinMs = 5 * 60_000;

/** The task queues (api TaskQueue): a store's staff, its managers (escalated), head office's customer service and admins (reviews). */
export const taskQueues = ['STORE', 'MANAGER', 'CUSTOMER_SERVICE', 'ADMIN'] as const;
export const taskQueueChoices = taskQueues.map((id) => ({ id, name: `omni.task_queue.${id}` }));

/** The inbox's "who has it" filter, as the API's `assigned` filter takes it. */
export const assignedChoices = ['mine', 'unassigned'].map((id) => ({ id, name: `omni.task.assigned_${id}` }));
