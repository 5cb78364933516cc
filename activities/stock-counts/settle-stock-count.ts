import { type CountLineResolution } from '../../domain/stock-counts/stock-count-workflow';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface SettleStockCountInput {
  stockCountId: string;
  status: 'DONE' | 'EXPIRED' | 'CANCELLED';
  /** Resolutions the run decided (an equal count, an approval's outcome); ADJUSTED is set by the adjustment itself. */
  lines: { lineId: string; resolution: CountLineResolution }[];
}

/** The count's final state and how each line ended, in one transaction (idempotent: the same values again). */
export function createSettleStockCount({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function settleStockCount(input: SettleStockCountInput): Promise<void> {
    await withTemporalFailures(() =>
      prisma.$transaction([
        ...input.lines.map((line) =>
          prisma.stockCountLine.updateMany({
            where: { id: line.lineId, stockCountId: input.stockCountId },
            data: { resolution: line.resolution },
          }),
        ),
        prisma.stockCount.update({ where: { id: input.stockCountId }, data: { status: input.status } }),
      ]),
    );
  };
}
