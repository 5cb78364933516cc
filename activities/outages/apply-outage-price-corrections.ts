import { outagePriceKey } from '../../domain/outages/price-drift';
import { type ActivityDeps } from '../deps';
import { keepHeartbeating } from '../channels/keep-heartbeating';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { pushAndVerifyPrices, shownPricesOf } from './push-outage-prices';

export interface ApplyOutagePriceCorrectionsInput {
  outageId: string;
  reconciliationId: string;
  workflowId: string;
  /** Numbers the page; part of the key `price:outage:<outageId>:<channel>:approved-<page>`. */
  pageNumber: number;
  afterDiscrepancyId: string | null;
  pageSize: number;
  readBackDelayMs: number;
}

export interface AppliedPriceCorrections {
  lastDiscrepancyId: string | null;
  hasMore: boolean;
  /** Approved corrections the channel now shows (APPLIED). */
  applied: number;
  /** Pushed, but read-back still shows another price: left APPROVED with a note. */
  unverified: number;
}

interface ApprovedRow {
  id: string;
  channel_code: string;
  sku: string;
  currency: string;
  system_price_minor: number;
}

/**
 * Carries out one page of the approved PRICE_DRIFT corrections of an outage's reconciliation: each
 * channel is read back first (a correction it shows already, e.g. pushed by a dead attempt, is not sent
 * again), the rest is pushed at the price the reviewer approved (`priceInSystem`), read back, and APPLIED
 * once the channel shows it. Rejected rows are never read: the channel keeps what it shows.
 */
export function createApplyOutagePriceCorrections({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function applyOutagePriceCorrections(input: ApplyOutagePriceCorrectionsInput): Promise<AppliedPriceCorrections> {
    return withTemporalFailures(() =>
      keepHeartbeating(async (context) => {
        const rows = await prisma.$queryRaw<ApprovedRow[]>`
          SELECT d.id, c.code AS channel_code, p.sku, p.currency, d.system_price_minor
            FROM discrepancies d JOIN channels c ON c.id = d.channel_id JOIN products p ON p.id = d.product_id
           WHERE d.reconciliation_id = ${input.reconciliationId}::uuid AND d.class = 'PRICE_DRIFT' AND d.resolution = 'APPROVED'
             AND d.system_price_minor IS NOT NULL
             AND (${input.afterDiscrepancyId}::uuid IS NULL OR d.id > ${input.afterDiscrepancyId}::uuid)
           ORDER BY d.id LIMIT ${input.pageSize}`;
        let applied = 0;
        let unverified = 0;
        for (const channelCode of [...new Set(rows.map((row) => row.channel_code))]) {
          const mine = rows.filter((row) => row.channel_code === channelCode);
          const adapter = await channels.adapterFor(channelCode);
          const shown = await shownPricesOf(
            adapter,
            mine.map((row) => row.sku),
            context,
          );
          const pushed = await pushAndVerifyPrices(
            adapter,
            mine.map((row) => ({ sku: row.sku, priceMinor: row.system_price_minor, currency: row.currency })),
            shown,
            outagePriceKey(input.outageId, channelCode, `approved-${input.pageNumber}`),
            input.readBackDelayMs,
            context,
          );
          const verifiedIds = mine.filter((row) => pushed.verified.has(row.sku)).map((row) => row.id);
          if (verifiedIds.length > 0)
            applied += (
              await prisma.discrepancy.updateMany({
                where: { id: { in: verifiedIds }, resolution: 'APPROVED' },
                data: { resolution: 'APPLIED', appliedAt: new Date() },
              })
            ).count;
          for (const row of mine.filter((r) => pushed.wrong.has(r.sku))) {
            unverified += 1;
            await prisma.discrepancy.update({
              where: { id: row.id },
              data: { note: `approved price pushed, the channel still shows ${pushed.wrong.get(row.sku) ?? '-'}` },
            });
          }
        }
        return { lastDiscrepancyId: rows.at(-1)?.id ?? null, hasMore: rows.length === input.pageSize, applied, unverified };
      }),
    );
  };
}
