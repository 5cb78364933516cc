import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { cancelPromotion, stopRunAwaitingApproval } from './cancel-promotion';
import { promotionView } from './promotion-view';
import { type PromotionRouteDeps, PROMOTION_WRITERS } from './promotions';
import { cancelPromotionBodySchema, promotionSchema } from './promotions.validators';

/**
 * `POST /api/promotions/:id/cancel` (ops leads, admins): a promotion nobody approved yet is cancelled at
 * once; an approved, scheduled or live one is cancelled by its run (the answer is 202 before it has: the
 * promotion's page follows the status and the restore's bars).
 */
export function registerPromotionCancelRoute(api: ApiRouter, deps: PromotionRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/promotions/:id/cancel',
    summary: 'Cancel a promotion: before its start it never goes live; once live every channel is restored and verified',
    tags: ['promotions'],
    access: [...PROMOTION_WRITERS],
    request: { params: idParamsSchema, body: cancelPromotionBodySchema },
    response: { description: 'The promotion (its run is cancelling it)', schema: promotionSchema, status: 202 },
    otherResponses: [
      { status: 404, description: 'No promotion with this id' },
      { status: 409, description: 'Ended, cancelled, rolled back, rejected or being restored already, or it has no run' },
    ],
    handle: async ({ params, body, actor, requestId, req }) => {
      const cancelled = await cancelPromotion(deps.prisma, { promotionId: params.id, reason: body.reason, actor, requestId });
      if (cancelled.kind === 'THROUGH_RUN') deps.fulfilment.deliverInBackground(cancelled.workflowId);
      else
        await stopRunAwaitingApproval(deps.client, cancelled.workflowId, deps.temporalCallTimeoutMs).catch((error: unknown) => {
          // Cancelled in the database all the same: a run left waiting can never take it live (its status refuses).
          req.log.warn({ err: error, workflowId: cancelled.workflowId }, 'the cancelled promotion’s run could not be stopped');
        });
      return promotionView(cancelled.row);
    },
  });
}
