import { Router } from 'express';
import { channelReturnBodySchema, type ChannelReturnStatus } from '../../wire-format';
import { channelOf, sendError } from '../channel-request';
import { type SandboxContext } from '../sandbox-context';

const finalStatuses: readonly ChannelReturnStatus[] = ['REFUNDED', 'REJECTED', 'CANCELLED'];

/** A return moves forward only: once refunded, rejected or cancelled it stays so. */
function canMoveReturn(from: ChannelReturnStatus, to: ChannelReturnStatus): boolean {
  if (from === to) return true;
  if (finalStatuses.includes(from)) return false;
  return from === 'REQUESTED' || to !== 'REQUESTED';
}

/**
 * Our side telling the channel about a return on one of its orders (`PUT /orders/:externalId/returns/:returnRef`):
 * created on first sight (a return taken at a store), moved forward after (REQUESTED, RECEIVED, then
 * REFUNDED / REJECTED / CANCELLED). Setting the status it has is a no-op success, so a retried update
 * never fails; moving a finished return is 422 INVALID_TRANSITION.
 */
export function returnRoutes(context: SandboxContext): Router {
  const router = Router({ mergeParams: true });

  router.put('/orders/:externalId/returns/:returnRef', (req, res) => {
    const world = channelOf(res);
    const body = channelReturnBodySchema.parse(req.body);
    const order = world.orders.get(req.params.externalId);
    if (!order) return sendError(res, 404, 'ORDER_NOT_FOUND', `no order ${req.params.externalId} on this channel`);
    if (body.currency !== order.currency)
      return sendError(res, 422, 'CURRENCY_MISMATCH', `order ${order.externalId} is in ${order.currency}`);
    order.returns ??= [];
    const existing = order.returns.find((candidate) => candidate.returnRef === req.params.returnRef);
    if (existing && !canMoveReturn(existing.status, body.status))
      return sendError(
        res,
        422,
        'INVALID_TRANSITION',
        `return ${existing.returnRef} cannot move from ${existing.status} to ${body.status}`,
      );
    const updated = {
      returnRef: req.params.returnRef,
      externalOrderId: order.externalId,
      status: body.status,
      lines: body.lines,
      refundedAmount: body.refundedAmount,
      currency: body.currency,
      updatedAt: new Date().toISOString(),
    };
    if (existing) Object.assign(existing, updated);
    else order.returns.push(updated);
    context.log.record('order.return_updated', world.code, {
      externalId: order.externalId,
      returnRef: updated.returnRef,
      from: existing?.status ?? null,
      to: updated.status,
    });
    res.json(updated);
  });

  return router;
}
