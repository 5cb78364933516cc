import { NotFoundError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { type ReturnDispositionName, type ReturnGrade } from '../../domain/returns/return-workflow';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface LoadedReturnLine {
  returnLineId: string;
  orderLineId: string;
  sku: string;
  quantity: number;
  refundMinor: number;
  grade: ReturnGrade | null;
  disposition: ReturnDispositionName | null;
}

export interface LoadedReturn {
  returnId: string;
  orderId: string;
  externalOrderId: string;
  status: string;
  storeCode: string;
  channelCode: string;
  channelKind: string;
  currency: string;
  requestedBy: { userId: string | null; label: string };
  approvalReasons: string[];
  /** The channel's id of a return the customer started there; null for one taken at a store. */
  channelReturnRef?: string | null;
  refundTotalMinor: number;
  lines: LoadedReturnLine[];
}

/** The return as it is now, with its lines in order-line id order (the order every writer locks them in). */
export function createLoadReturn({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function loadReturn({ returnId }: { returnId: string }): Promise<LoadedReturn> {
    return withTemporalFailures(async () => {
      const row = await prisma.return.findUnique({
        where: { id: returnId },
        include: {
          order: { select: { externalId: true, currency: true, channel: { select: { code: true, kind: true } } } },
          receivedAtStore: { select: { code: true } },
          lines: { include: { orderLine: { select: { product: { select: { sku: true } } } } }, orderBy: { orderLineId: 'asc' } },
        },
      });
      if (row === null) throw new NotFoundError(`Return ${returnId} not found`);
      if (row.receivedAtStore === null) throw new NotFoundError(`Return ${returnId} has no receiving store yet`);
      const lines = row.lines.map((line) => ({
        returnLineId: line.id,
        orderLineId: line.orderLineId,
        sku: line.orderLine.product.sku,
        quantity: line.quantity,
        refundMinor: minorUnits(line.refundMinor),
        grade: line.condition,
        disposition: line.disposition,
      }));
      return {
        returnId,
        orderId: row.orderId,
        externalOrderId: row.order.externalId,
        status: row.status,
        storeCode: row.receivedAtStore.code,
        channelCode: row.order.channel.code,
        channelKind: row.order.channel.kind,
        currency: row.order.currency,
        requestedBy: { userId: row.requestedByUserId, label: row.requestedByLabel },
        approvalReasons: row.approvalReasons,
        channelReturnRef: row.channelReturnRef,
        refundTotalMinor: lines.reduce((sum, line) => sum + line.refundMinor, 0),
        lines,
      };
    });
  };
}
