import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

/**
 * The origin order after a return's refund: RETURNED when every unit of every line is back (in returns
 * refunded or closed; the one being booked is REFUNDED at this point, so it counts), PARTIALLY_RETURNED otherwise; a line all of whose units
 * came back is RETURNED. Recomputed from the rows, so running it again changes nothing.
 */
export function createMarkOrderReturned({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function markOrderReturned({ orderId }: { orderId: string }): Promise<{ status: 'RETURNED' | 'PARTIALLY_RETURNED' }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const lines = await tx.orderLine.findMany({
          where: { orderId },
          select: {
            id: true,
            quantity: true,
            returnLines: { where: { return: { status: { in: ['REFUNDED', 'CLOSED'] } } }, select: { quantity: true } },
          },
        });
        let all = true;
        for (const line of lines) {
          const back = line.returnLines.reduce((sum, returned) => sum + returned.quantity, 0);
          if (back >= line.quantity) await tx.orderLine.update({ where: { id: line.id }, data: { status: 'RETURNED' } });
          else all = false;
        }
        const status = all ? ('RETURNED' as const) : ('PARTIALLY_RETURNED' as const);
        await tx.order.update({ where: { id: orderId }, data: { status } });
        return { status };
      }),
    );
  };
}
