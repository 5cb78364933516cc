import { recordAudit } from '../../../db/audit/record-audit';
import { importOfflineSalesByCopy } from '../../../db/outages/copy-offline-sales';
import { recordOfflineSales, type NumberedSale, type OfflineSaleRowResult } from '../../../db/outages/record-offline-sales';
import { type Actor } from '../../../domain/auth/roles';
import { throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { InvalidDataError, NotFoundError } from '../../../domain/errors';
import { offlineSaleSchema } from '../../../domain/outages/offline-sale';
import { type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { OFFLINE_SALES_CSV_COLUMNS, readOfflineSalesCsv } from './offline-sales-csv';
import { summarizeOfflineSales, withUnreadableRows } from './offline-sales-summary';
import { offlineSalesBodySchema, offlineSalesImportQuerySchema, offlineSalesResultSchema } from './offline-sales.validators';

export interface OfflineSaleRouteDeps {
  prisma: PrismaClient;
  /** Most sales per POST (OFFLINE_SALES_BATCH_MAX). */
  batchMax: number;
  /** A CSV import streams through its own connection's COPY (the Prisma pool has no COPY). */
  databaseUrl: string;
}

async function findActiveStore(prisma: PrismaClient, actor: Actor, storeId: string): Promise<void> {
  throwIfStoreIsNotAccessible(actor, storeId);
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { active: true } });
  if (store === null || !store.active) throw new NotFoundError('Store not found');
}

function rowsOf(body: unknown): { sales: NumberedSale[]; errors: OfflineSaleRowResult[] } {
  const single = offlineSaleSchema.safeParse(body);
  if (single.success) return { sales: [{ row: 0, sale: single.data }], errors: [] };
  const sales: NumberedSale[] = [];
  const errors: OfflineSaleRowResult[] = [];
  (body as { sales: unknown[] }).sales.forEach((candidate, row) => {
    const parsed = offlineSaleSchema.safeParse(candidate);
    if (parsed.success) sales.push({ row, sale: parsed.data });
    else {
      const receipt = (candidate as { receiptNumber?: unknown }).receiptNumber;
      const error = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      errors.push({ row, receiptNumber: typeof receipt === 'string' ? receipt : null, outcome: 'ERROR', error });
    }
  });
  return { sales, errors };
}

/**
 * The offline sales journal of a store (docs/outages.md): what a till or paper recorded while the store
 * could not reach us, appended idempotently by receipt number. Store staff for their own store, ops
 * leads and admins for any.
 */
export function registerOfflineSaleRoutes(api: ApiRouter, { prisma, batchMax, databaseUrl }: OfflineSaleRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/stores/:id/offline-sales',
    summary: "Append one offline sale or a batch to a store's journal (idempotent by receipt number; errors per row)",
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, body: offlineSalesBodySchema },
    response: { description: 'What happened to each row', schema: offlineSalesResultSchema },
    otherResponses: [{ status: 404, description: 'No active store with this id' }],
    handle: async ({ params, body, actor, requestId }) => {
      await findActiveStore(prisma, actor, params.id);
      if ('sales' in body && body.sales.length > batchMax) {
        throw new InvalidDataError(`At most ${batchMax} sales per request`, { sales: `at most ${batchMax} rows` });
      }
      const { sales, errors } = rowsOf(body);
      const written =
        sales.length === 0
          ? []
          : await recordOfflineSales(prisma, { storeId: params.id, recordedByUserId: actor.userId, source: 'api' }, sales);
      const summary = summarizeOfflineSales([...written, ...errors].sort((a, b) => a.row - b.row));
      await prisma.$transaction((tx) =>
        recordAudit(tx, {
          actor,
          action: 'offline-sales.record',
          entityType: 'Store',
          entityId: params.id,
          after: { created: summary.created, unchanged: summary.unchanged, conflicts: summary.conflicts, errors: summary.errors },
          requestId,
        }),
      );
      return summary;
    },
  });

  api.route({
    method: 'post',
    path: '/api/stores/:id/offline-sales/import',
    summary: `Import an offline-sales CSV (text/csv, columns ${OFFLINE_SALES_CSV_COLUMNS.join(', ')}; one row per sale line), streamed`,
    description:
      'Re-importing the same file changes nothing; a row that differs from an imported receipt is a conflict; bad rows are reported by file line and the good ones kept.',
    tags: ['outages'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { params: idParamsSchema, query: offlineSalesImportQuerySchema },
    response: { description: 'What happened to each receipt (row = its first file line)', schema: offlineSalesResultSchema },
    otherResponses: [{ status: 404, description: 'No active store with this id' }],
    handle: async ({ params, query, actor, requestId, req }) => {
      await findActiveStore(prisma, actor, params.id);
      if (!req.is('text/csv')) throw new InvalidDataError('Send the file as text/csv', { body: 'content-type must be text/csv' });
      const target = { storeId: params.id, recordedByUserId: actor.userId, source: `csv:${query.fileName}` };
      const unreadable: OfflineSaleRowResult[] = [];
      // The file streams through csv-parse straight into one COPY: good receipts are staged, bad ones kept aside.
      async function* goodSales(): AsyncGenerator<NumberedSale> {
        try {
          for await (const item of readOfflineSalesCsv(req)) {
            if (item.kind === 'error') unreadable.push(item.error);
            else yield item.sale;
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          unreadable.push({ row: -1, receiptNumber: null, outcome: 'ERROR', error: `the file could not be read on: ${message}` });
        }
      }
      const summary = withUnreadableRows(await importOfflineSalesByCopy(databaseUrl, target, goodSales()), unreadable);
      await prisma.$transaction((tx) =>
        recordAudit(tx, {
          actor,
          action: 'offline-sales.import',
          entityType: 'Store',
          entityId: params.id,
          after: {
            fileName: query.fileName,
            created: summary.created,
            unchanged: summary.unchanged,
            conflicts: summary.conflicts,
            errors: summary.errors,
          },
          requestId,
        }),
      );
      return summary;
    },
  });
}
