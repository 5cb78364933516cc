import { z } from 'zod';
import { redeemStoreCredit } from '../../../db/store-credits/redeem-store-credit';
import { confinedStoreId, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { InvalidDataError, NotFoundError } from '../../../domain/errors';
import { type Prisma } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { storeCreditInclude, storeCreditShowInclude, storeCreditSummaryView, storeCreditView } from './store-credit-views';
import {
  redeemStoreCreditBodySchema,
  storeCreditListQuerySchema,
  storeCreditSchema,
  storeCreditSummarySchema,
  wholeStoreCreditCode,
} from './store-credits.validators';

const notFound = { status: 404 as const, description: 'No store credit with this id' };

/**
 * Store credit (a till refund the customer chose to keep as credit, docs/returns.md) and its spending at
 * any store's till. A code is as good as cash, so store staff list only the credit their store issued and
 * find any other by its exact code (what the customer shows); head office sees all.
 */
export function registerStoreCreditRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/store-credits',
    summary: 'Store credits (store staff: issued at their store, or any by its exact code)',
    tags: ['returns'],
    access: 'authenticated',
    request: { query: storeCreditListQuerySchema },
    response: { description: 'A page of store credits', schema: z.array(storeCreditSummarySchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const ownStoreId = confinedStoreId(actor);
      if (ownStoreId !== null) for (const storeId of filter.issuedAtStoreId ?? []) throwIfStoreIsNotAccessible(actor, storeId);
      const wholeCode = filter.code === undefined ? null : wholeStoreCreditCode(filter.code);
      const where: Prisma.StoreCreditWhereInput = {
        ...(ownStoreId !== null && wholeCode === null && { issuedAtStoreId: ownStoreId }),
        ...(filter.issuedAtStoreId !== undefined && { issuedAtStoreId: { in: filter.issuedAtStoreId } }),
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(wholeCode !== null && { code: wholeCode }),
        ...(filter.code !== undefined && wholeCode === null && { code: { contains: filter.code.toUpperCase() } }),
        ...(filter.customerId !== undefined && { customerId: filter.customerId }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'store-credits', page, {
        rows: prisma.storeCredit
          .findMany({ where, include: storeCreditInclude, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
          .then((rows) => rows.map(storeCreditSummaryView)),
        total: prisma.storeCredit.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/store-credits/:id',
    summary: 'One store credit with every time it was spent',
    tags: ['returns'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The store credit', schema: storeCreditSchema },
    otherResponses: [notFound],
    handle: async ({ params }) => {
      const row = await prisma.storeCredit.findUnique({ where: { id: params.id }, include: storeCreditShowInclude });
      if (row === null) throw new NotFoundError('Store credit not found');
      return storeCreditView(row);
    },
  });

  api.route({
    method: 'post',
    path: '/api/store-credits/:id/redeem',
    summary: 'Spend store credit at a till (store staff at their own store)',
    description:
      "The same receipt number again with the same amount is the same redemption (answered again, nothing spent twice). 400 when the amount is more than is left; 409 for another currency than the till's, an expired credit, or a receipt that already took another amount.",
    tags: ['returns'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: redeemStoreCreditBodySchema },
    response: { description: 'The store credit with its new balance', schema: storeCreditSchema },
    otherResponses: [notFound, { status: 409, description: 'Another currency, expired, or the receipt took another amount' }],
    handle: async ({ params, body, actor, requestId }) => {
      const storeId = body.storeId ?? confinedStoreId(actor);
      if (storeId === null) throw new InvalidDataError('Say at which store the till is', { storeId: 'required for head office' });
      throwIfStoreIsNotAccessible(actor, storeId);
      await redeemStoreCredit(prisma, {
        storeCreditId: params.id,
        storeId,
        amountMinor: body.amountMinor,
        receiptNumber: body.receiptNumber,
        actor,
        requestId,
      });
      const row = await prisma.storeCredit.findUniqueOrThrow({ where: { id: params.id }, include: storeCreditShowInclude });
      return storeCreditView(row);
    },
  });
}
