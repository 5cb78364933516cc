import { ChildWorkflowFailure, executeChild, ParentClosePolicy, uuid4, workflowInfo } from '@temporalio/workflow';
import { settlementOf } from '../../domain/stock-counts/stock-count-rules';
import { type CountLineResolution, type CountStockInput, type RecordedCountLine } from '../../domain/stock-counts/stock-count-workflow';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { db } from '../kit/activity-proxies';
import { adjustStockWithApproval } from '../stock-adjustments/adjust-stock-with-approval';

export type Resolved = Map<string, CountLineResolution>;

/**
 * Settles every counted line: an equal count is MATCHED, a difference within the tolerance is corrected at
 * once (one ledger row per line), one beyond it becomes a stock adjustment whose own run asks a second
 * person (the existing four-eyes path, its thresholds being this tolerance) and applies it once approved.
 * Differences are relative to on hand as counted, so they stay right however long an approval takes.
 */
export async function settleCountLines(
  input: CountStockInput,
  workflowId: string,
  lines: RecordedCountLine[],
  resolved: Resolved,
  onApprovalsAsked: (count: number) => void,
): Promise<void> {
  const { tolerance, adjustment } = input.settings;
  const needApproval = lines.filter((line) => settlementOf(line, tolerance) === 'NEEDS_APPROVAL');
  for (const line of lines) if (line.delta === 0) resolved.set(line.lineId, 'MATCHED');
  await Promise.all(
    lines
      .filter((line) => settlementOf(line, tolerance) === 'AUTO_ADJUST')
      .map(async (line) => {
        await db.adjustStockCountLine({ stockCountId: input.stockCountId, lineId: line.lineId, workflowId });
        resolved.set(line.lineId, 'ADJUSTED');
      }),
  );
  if (needApproval.length === 0) return;
  onApprovalsAsked(needApproval.length);
  await Promise.all(
    needApproval.map(async (line) => {
      const opened = await db.openStockCountAdjustment({
        stockCountId: input.stockCountId,
        lineId: line.lineId,
        adjustmentId: uuid4(),
        fallbackRequesterUserId: input.requestedBy.userId ?? '',
        settings: { ...adjustment, thresholds: { quantity: tolerance.units, valueMinor: tolerance.valueMinor } },
        taskQueue: workflowInfo().taskQueue,
      });
      resolved.set(line.lineId, 'AWAITING_APPROVAL');
      const childId = opened.workflowId;
      try {
        const result = await executeChild(adjustStockWithApproval, {
          workflowId: childId,
          args: [opened.input],
          // The adjustment is a record of its own (Stock adjustments list, Approvals inbox): it lives on if the count is cancelled.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: [
            { key: searchAttributes.businessKey, value: childId },
            { key: searchAttributes.workflowDomain, value: 'inventory' },
            { key: searchAttributes.storeCode, value: opened.storeCode },
          ],
        });
        resolved.set(line.lineId, result.status === 'APPLIED' ? 'APPROVED' : 'REJECTED');
      } catch (error) {
        if (!(error instanceof ChildWorkflowFailure)) throw error;
        resolved.set(line.lineId, 'FAILED');
      }
    }),
  );
}
