import { InvalidDataError } from '../../../domain/errors';
import { type PromotionInput } from '../../../domain/promotions/promotion-schemas';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { editPromotion } from './edit-promotion';
import { findPromotion, promotionView } from './promotion-view';
import { type PromotionRouteDeps } from './promotions';
import { promotionSchema } from './promotions.validators';
import { readSkuCsv } from './read-sku-csv';

/** Row errors one answer lists (the count of the rest is in the message). */
const MAX_ROW_ERRORS = 200;

/**
 * `PUT /api/promotions/:id/sku-csv` (body `text/csv`, header `sku`): the promotion's SKUs become the file's,
 * streamed through csv-parse. Any bad row, unknown SKU, floor breach or conflict is a 400 naming it and
 * nothing changes; otherwise it is an edit like any other (version bumped, approval asked again).
 */
export function registerPromotionSkuCsvRoute(api: ApiRouter, { prisma, fulfilment, csvMaxRows }: PromotionRouteDeps): void {
  api.route({
    method: 'put',
    path: '/api/promotions/:id/sku-csv',
    summary: 'Replace the SKUs of a promotion with a CSV upload (text/csv, a "sku" column; up to PROMOTION_CSV_MAX_ROWS rows)',
    tags: ['promotions'],
    access: ['ADMIN', 'OPS_LEAD'],
    request: { params: idParamsSchema },
    response: { description: 'The promotion with its new SKUs', schema: promotionSchema },
    otherResponses: [
      { status: 404, description: 'No promotion with this id' },
      { status: 409, description: 'Active, ended or cancelled: no more edits' },
    ],
    handle: async ({ params, actor, requestId, req }) => {
      const current = await findPromotion(prisma, params.id);
      if (!(req.headers['content-type'] ?? '').startsWith('text/csv'))
        throw new InvalidDataError('Send the file as text/csv', { file: 'content type must be text/csv' });
      const csv = await readSkuCsv(req, { maxRows: csvMaxRows, maxErrors: MAX_ROW_ERRORS });
      if (Object.keys(csv.errors).length > 0) throw new InvalidDataError('The CSV has rows that cannot be used', csv.errors);
      const input: PromotionInput = {
        name: current.name,
        discount: { type: current.discountType, value: current.discountValue },
        currency: current.currency,
        timeZone: current.timeZone,
        startsLocal: current.startsLocal,
        endsLocal: current.endsLocal,
        startsAt: current.startsAt,
        endsAt: current.endsAt,
        skus: csv.skus,
        categories: current.categories,
        brands: current.brands,
        channelCodes: current.channels.map((entry) => entry.channel.code),
      };
      const edited = await editPromotion(prisma, { promotionId: params.id, input, actor, requestId });
      if (edited.workflowId !== null) fulfilment.deliverInBackground(edited.workflowId);
      return promotionView(edited);
    },
  });
}
