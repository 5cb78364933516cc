import { Prisma } from '../prisma/client';
import { type WorkflowStartRecord } from './workflow-start-request';

/**
 * Each kind of record a workflow start can belong to: its column on workflow_starts and the table whose
 * `workflow_id` says the run exists. Adding returns (`returnId` -> returns) is one entry here, one
 * column in the schema. Table names are fixed here, never taken from input.
 */
export const linkedRecordKinds = [
  { field: 'orderId', column: 'order_id', table: 'orders' },
  { field: 'stockAdjustmentId', column: 'stock_adjustment_id', table: 'stock_adjustments' },
  { field: 'promotionId', column: 'promotion_id', table: 'promotions' },
  { field: 'returnId', column: 'return_id', table: 'returns' },
  { field: 'outageId', column: 'outage_id', table: 'outages' },
  { field: 'stockCountId', column: 'stock_count_id', table: 'stock_counts' },
] as const satisfies readonly {
  field: 'orderId' | 'stockAdjustmentId' | 'promotionId' | 'returnId' | 'outageId' | 'stockCountId';
  column: string;
  table: string;
}[];

/** The workflow_starts columns to insert for a record. */
export function recordColumnsOf(record: WorkflowStartRecord): {
  orderId?: string;
  stockAdjustmentId?: string;
  promotionId?: string;
  returnId?: string;
  outageId?: string;
  stockCountId?: string;
} {
  if ('orderId' in record) return { orderId: record.orderId };
  if ('promotionId' in record) return { promotionId: record.promotionId };
  if ('returnId' in record) return { returnId: record.returnId };
  if ('outageId' in record) return { outageId: record.outageId };
  if ('stockCountId' in record) return { stockCountId: record.stockCountId };
  return { stockAdjustmentId: record.stockAdjustmentId };
}

/**
 * Statements that record the run on its business record, inside the transaction that marks the start
 * STARTED: `workflow_id` set once (never overwritten), so the record says a run exists exactly when it does.
 */
export function linkRunStatements(startId: string): Prisma.Sql[] {
  return linkedRecordKinds.map(
    (kind) => Prisma.sql`
      UPDATE ${Prisma.raw(`"${kind.table}"`)} AS r SET workflow_id = s.workflow_id, updated_at = now()
      FROM workflow_starts s
      WHERE s.id = ${startId}::uuid AND r.id = s.${Prisma.raw(`"${kind.column}"`)} AND r.workflow_id IS NULL`,
  );
}
