import { type z } from 'zod';
import { decideOfflineSaleConflict } from '../../../db/outages/decide-offline-sale-conflict';
import { confinedStoreId } from '../../../domain/auth/store-access';
import { NotFoundError } from '../../../domain/errors';
import { type Actor } from '../../../domain/auth/roles';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { throwIfNotAllowedToRunOutage } from './outage-access';
import {
  conflictDecisionBodySchema,
  offlineSaleConflictListQuerySchema,
  offlineSaleConflictSchema,
} from './offline-sale-conflicts.validators';

const include = {
  offlineSale: {
    include: { store: { select: { code: true } }, lines: { include: { product: { select: { sku: true, name: true } } } } },
  },
  decidedBy: { select: { id: true, email: true } },
} satisfies Prisma.OfflineSaleConflictInclude;

type Row = Prisma.OfflineSaleConflictGetPayload<{ include: typeof include }>;
type View = z.infer<typeof offlineSaleConflictSchema>;

/** The incoming version as apply-staged-sales.ts keeps it. */
interface IncomingJson {
  soldAt: string;
  currency: string;
  lines: { sku: string; quantity: number; unitPriceMinor: number }[];
}

function isoOr(text: string): string {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}

async function views(prisma: PrismaClient, rows: Row[]): Promise<View[]> {
  const skus = [...new Set(rows.flatMap((r) => (r.incoming as unknown as IncomingJson).lines.map((l) => l.sku)))];
  const names = new Map(
    (skus.length === 0 ? [] : await prisma.product.findMany({ where: { sku: { in: skus } }, select: { sku: true, name: true } })).map(
      (p) => [p.sku, p.name],
    ),
  );
  return rows.map((r) => {
    const sale = r.offlineSale;
    const incoming = r.incoming as unknown as IncomingJson;
    return {
      id: r.id,
      offlineSaleId: sale.id,
      storeId: sale.storeId,
      storeCode: sale.store.code,
      outageId: sale.outageId,
      receiptNumber: sale.receiptNumber,
      source: r.source,
      status: r.resolvedAt === null ? 'OPEN' : 'DECIDED',
      decision: r.decision,
      decisionReason: r.decisionReason,
      decidedBy: r.decidedBy,
      decidedAt: r.resolvedAt,
      appliedToStockAt: sale.appliedToStockAt,
      createdAt: r.createdAt,
      journal: {
        soldAt: sale.soldAt.toISOString(),
        currency: sale.currency,
        totalMinor: Number(sale.totalMinor),
        lines: sale.lines
          .map((l) => ({ sku: l.product.sku, productName: l.product.name, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor }))
          .sort((a, b) => a.sku.localeCompare(b.sku)),
      },
      incoming: {
        soldAt: isoOr(incoming.soldAt),
        currency: incoming.currency,
        totalMinor: incoming.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0),
        lines: incoming.lines
          .map((l) => ({ sku: l.sku, productName: names.get(l.sku) ?? null, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor }))
          .sort((a, b) => a.sku.localeCompare(b.sku)),
      },
    };
  });
}

/** Store staff see their own store's conflicts only (a missing one and another store's answer alike: 404). */
function visibleTo(actor: Actor): Prisma.OfflineSaleConflictWhereInput {
  const ownStore = confinedStoreId(actor);
  return ownStore === null ? {} : { offlineSale: { storeId: ownStore } };
}

async function viewOf(prisma: PrismaClient, actor: Actor, id: string): Promise<View> {
  const row = await prisma.offlineSaleConflict.findFirst({ where: { id, ...visibleTo(actor) }, include });
  if (row === null) throw new NotFoundError('Offline sale conflict not found');
  const [view] = await views(prisma, [row]);
  return view as View;
}

/**
 * Conflicts of the offline journal (docs/outages.md, "Offline-sale conflicts"): a receipt imported again with
 * other content, both versions side by side, decided once by who may run the store's outage (admins, ops
 * leads, the store's manager): keep the journal's version or take the incoming one before a reconciliation
 * applied the receipt.
 */
export function registerOfflineSaleConflictRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/offline-sale-conflicts',
    summary: 'Receipts imported again with other content, newest first (store staff: their store)',
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { query: offlineSaleConflictListQuerySchema },
    response: { description: 'A page of conflicts, each with both versions', schema: offlineSaleConflictSchema.array(), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const sale: Prisma.OfflineSaleWhereInput = {
        ...(filter.storeId !== undefined && { storeId: filter.storeId }),
        ...(filter.outageId !== undefined && { outageId: filter.outageId }),
        ...(filter.receiptNumber !== undefined && { receiptNumber: filter.receiptNumber }),
      };
      const where: Prisma.OfflineSaleConflictWhereInput = {
        AND: [visibleTo(actor), { offlineSale: sale }],
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.status !== undefined && { resolvedAt: filter.status === 'OPEN' ? null : { not: null } }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'offline-sale-conflicts', page, {
        rows: prisma.offlineSaleConflict
          .findMany({ where, include, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take })
          .then((rows) => views(prisma, rows)),
        total: prisma.offlineSaleConflict.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/offline-sale-conflicts/:id',
    summary: "One conflict: the journal's version and the incoming one side by side",
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema },
    response: { description: 'The conflict', schema: offlineSaleConflictSchema },
    otherResponses: [{ status: 404, description: 'No conflict with this id (or of another store)' }],
    handle: ({ params, actor }) => viewOf(prisma, actor, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/offline-sale-conflicts/:id/decision',
    summary:
      "Decide a conflict once: keep the journal's version (the incoming one is dismissed) or take the incoming one, " +
      'which the reconciliation then applies instead (only before a reconciliation applied the receipt)',
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: conflictDecisionBodySchema },
    response: { description: 'The conflict as decided', schema: offlineSaleConflictSchema },
    otherResponses: [
      { status: 404, description: 'No conflict with this id (or of another store)' },
      { status: 409, description: 'Decided already; or taking the incoming version after the receipt was applied to stock' },
    ],
    handle: async ({ params, body, actor, requestId }) => {
      const seen = await viewOf(prisma, actor, params.id);
      throwIfNotAllowedToRunOutage(actor, { storeId: seen.storeId });
      await prisma.$transaction((tx) =>
        decideOfflineSaleConflict(tx, { conflictId: params.id, decision: body.decision, reason: body.reason, actor, requestId }),
      );
      return viewOf(prisma, actor, params.id);
    },
  });
}
