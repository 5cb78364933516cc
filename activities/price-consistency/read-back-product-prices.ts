import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  type CheckedChannel,
  type CheckProductPricesInput,
  type CheckProductPricesResult,
} from '../../domain/price-consistency/check-product-prices-definition';
import { type ActivityDeps } from '../deps';

/**
 * Reads one SKU back from every channel that is not disabled and lists it (or had it in a promotion), all
 * channels at once, each through its adapter (paced by the channel's shared rate limit). Each answer is
 * the pair's latest read-back in `price_readbacks`; a channel that cannot be read is named in the result
 * and keeps its last read-back, so one dead marketplace does not fail the check of the others.
 */
export function createReadBackProductPrices({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function readBackProductPrices(input: CheckProductPricesInput): Promise<CheckProductPricesResult> {
    const product = await prisma.product.findUnique({ where: { id: input.productId } });
    if (product === null) throw ApplicationFailure.nonRetryable(`no product ${input.productId}`, 'NotFound');
    const targets = await prisma.channel.findMany({
      where: {
        status: { not: 'DISABLED' },
        OR: [{ listings: { some: { productId: product.id } } }, { priceChanges: { some: { productId: product.id } } }],
      },
      orderBy: { code: 'asc' },
    });
    const signal = Context.current().cancellationSignal;
    const outcomes = await Promise.all(
      targets.map(async (channel) => {
        try {
          const adapter = await channels.adapterFor(channel.code);
          const { listings } = await adapter.readBack({ skus: [product.sku], signal });
          const shown = listings[0];
          const checkedAt = new Date();
          const row = {
            listed: shown?.listed ?? false,
            priceMinor: shown?.listed === true ? shown.price : null,
            currency: shown?.listed === true ? shown.currency : null,
            checkedAt,
            checkedByUserId: input.requestedByUserId,
          };
          await prisma.priceReadback.upsert({
            where: { channelId_productId: { channelId: channel.id, productId: product.id } },
            create: { channelId: channel.id, productId: product.id, ...row },
            update: row,
          });
          return { ok: true as const, checked: { channelCode: channel.code, listed: row.listed, priceMinor: row.priceMinor } };
        } catch (error) {
          if (signal.aborted) throw error;
          return { ok: false as const, channelCode: channel.code, reason: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const checked: CheckedChannel[] = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.checked] : []));
    return {
      productId: product.id,
      checkedAt: new Date().toISOString(),
      checked,
      unavailable: outcomes.flatMap((outcome) => (outcome.ok ? [] : [{ channelCode: outcome.channelCode, reason: outcome.reason }])),
    };
  };
}
