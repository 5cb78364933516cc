import { type ActivityDeps } from '../deps';
import { createNotifyCustomer } from '../notifications/notify-customer';
import { createNotifyStoreStaff } from '../notifications/notify-store-staff';
import { createFindCoveringStores } from '../orders/find-covering-stores';
import { createLoadPickupOrder } from '../orders/load-pickup-order';
import { createMoveOrderToStore } from '../orders/move-order-to-store';
import { createRefundOrderLines } from '../orders/refund-order-lines';
import { createSetPickupOrderStatus } from '../orders/set-pickup-order-status';
import { createUpdateChannelOrderStatus } from '../orders/update-channel-order-status';
import { createCloseWorkflowTasks } from '../tasks/close-workflow-tasks';
import { createEscalateTask } from '../tasks/escalate-task';
import { createOpenPickTask } from '../tasks/open-pick-task';
import { createOpenTask } from '../tasks/open-task';
import { createRecordTaskCompletion } from '../tasks/record-task-completion';
import { createSetTaskAttempts } from '../tasks/set-task-attempts';
import { createIssuePickupCode } from './issue-pickup-code';

/**
 * The activities of the pickup workflow besides the inventory ones it shares with others: orders,
 * refunds and channel status, the pickup code, customer and staff notifications, and human tasks.
 */
export function createPickupActivities(deps: ActivityDeps) {
  return {
    loadPickupOrder: createLoadPickupOrder(deps),
    setPickupOrderStatus: createSetPickupOrderStatus(deps),
    findCoveringStores: createFindCoveringStores(deps),
    moveOrderToStore: createMoveOrderToStore(deps),
    refundOrderLines: createRefundOrderLines(deps),
    updateChannelOrderStatus: createUpdateChannelOrderStatus(deps),
    issuePickupCode: createIssuePickupCode(deps),
    notifyCustomer: createNotifyCustomer(deps),
    notifyStoreStaff: createNotifyStoreStaff(deps),
    openTask: createOpenTask(deps),
    openPickTask: createOpenPickTask(deps),
    recordTaskCompletion: createRecordTaskCompletion(deps),
    setTaskAttempts: createSetTaskAttempts(deps),
    escalateTask: createEscalateTask(deps),
    closeWorkflowTasks: createCloseWorkflowTasks(deps),
  };
}
