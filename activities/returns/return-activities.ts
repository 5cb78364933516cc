import { type ActivityDeps } from '../deps';
import { createBookReturnStock } from './book-return-stock';
import { createLoadReturn } from './load-return';
import { createMarkOrderReturned } from './mark-order-returned';
import { createRecordManualRefund } from './record-manual-refund';
import { createRecordReturnHandback } from './record-return-handback';
import { createRecordReturnInspection } from './record-return-inspection';
import { createRefundReturnLine } from './refund-return-line';
import { createSetReturnStatus } from './set-return-status';
import { createTellChannelOfReturn } from './tell-channel-of-return';

/** The return workflow's side effects (docs/returns.md), each idempotent by its return and line. */
export function createReturnActivities(deps: ActivityDeps) {
  return {
    loadReturn: createLoadReturn(deps),
    setReturnStatus: createSetReturnStatus(deps),
    recordReturnInspection: createRecordReturnInspection(deps),
    refundReturnLine: createRefundReturnLine(deps),
    recordManualRefund: createRecordManualRefund(deps),
    recordReturnHandback: createRecordReturnHandback(deps),
    bookReturnStock: createBookReturnStock(deps, deps.inventory),
    markOrderReturned: createMarkOrderReturned(deps),
    tellChannelOfReturn: createTellChannelOfReturn(deps),
  };
}
