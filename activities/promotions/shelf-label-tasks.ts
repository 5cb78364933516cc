import { randomUUID } from 'node:crypto';
import { shelfLabelWorkflowId, type ShelfLabelPayload, type ShelfLabelPhase } from '../../domain/promotions/promotion-tasks';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { insertTaskOnce } from '../tasks/open-task';
import { shelfLabelChanges, storesStocking } from './shelf-label-changes';

export interface PlanShelfLabelsResult {
  /** Stores with at least one SKU whose shelf price changes, by store code. */
  stores: { storeCode: string; skuCount: number }[];
}

/** Which stores get SHELF_LABEL tasks for `phase`: those stocking a SKU whose till price changed. */
export function createPlanShelfLabels(deps: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function planShelfLabels(input: { promotionId: string; phase: ShelfLabelPhase }): Promise<PlanShelfLabelsResult> {
    return withTemporalFailures(async () => {
      const changes = await shelfLabelChanges(deps, input.promotionId, input.phase);
      if (changes.size === 0) return { stores: [] };
      const changed = new Set([...changes.values()].map((change) => change.productId));
      const stores = [...(await storesStocking(deps.prisma, input.promotionId))]
        .map(([storeCode, productIds]) => ({ storeCode, skuCount: [...productIds].filter((id) => changed.has(id)).length }))
        .filter((store) => store.skuCount > 0)
        .sort((a, b) => (a.storeCode < b.storeCode ? -1 : 1));
      return { stores };
    });
  };
}

export interface OpenShelfLabelTasksInput {
  promotionId: string;
  phase: ShelfLabelPhase;
  storeCode: string;
  skusPerTask: number;
  dueAt: string;
}

/**
 * One store's SHELF_LABEL tasks for `phase` (store queue): its changing SKUs by SKU, `skusPerTask` per
 * task (part i of n), each task keyed `shelf-label:<promotionId>:<phase>:<store>:<part>` and owned by the
 * store's shelf-label run, which takes its completions. A retry creates nothing twice.
 */
export function createOpenShelfLabelTasks(deps: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function openShelfLabelTasks(input: OpenShelfLabelTasksInput): Promise<{ parts: number; skuCount: number }> {
    return withTemporalFailures(async () => {
      const changes = await shelfLabelChanges(deps, input.promotionId, input.phase);
      const stocked = (await storesStocking(deps.prisma, input.promotionId)).get(input.storeCode) ?? new Set<string>();
      const skus = [...changes.values()]
        .filter((change) => stocked.has(change.productId))
        .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
        .map(({ sku, name, oldPriceMinor, newPriceMinor, currency }) => ({ sku, name, oldPriceMinor, newPriceMinor, currency }));
      const parts = Math.ceil(skus.length / input.skusPerTask);
      const promotion = await deps.prisma.promotion.findUniqueOrThrow({ where: { id: input.promotionId }, select: { name: true } });
      const workflowId = shelfLabelWorkflowId(input.promotionId, input.phase, input.storeCode);
      await deps.prisma.$transaction(
        async (tx) => {
          for (let part = 1; part <= parts; part += 1) {
            const payload: ShelfLabelPayload = {
              promotionId: input.promotionId,
              phase: input.phase,
              storeCode: input.storeCode,
              part,
              parts,
              skuCount: skus.length,
              skus: skus.slice((part - 1) * input.skusPerTask, part * input.skusPerTask),
            };
            await insertTaskOnce(tx, {
              taskId: randomUUID(),
              idempotencyKey: `shelf-label:${input.promotionId}:${input.phase}:${input.storeCode}:${part}`,
              type: 'SHELF_LABEL',
              queue: 'STORE',
              title: `${input.phase === 'START' ? 'Promotion starts' : 'Promotion ended'}: change ${payload.skus.length} shelf labels for "${promotion.name}"${parts > 1 ? ` (part ${part} of ${parts})` : ''}`,
              storeCode: input.storeCode,
              workflowId,
              dueAt: input.dueAt,
              payload: { ...payload, skus: payload.skus.map((sku) => ({ ...sku })) },
            });
          }
        },
        { timeout: 60_000 },
      );
      return { parts, skuCount: skus.length };
    });
  };
}
