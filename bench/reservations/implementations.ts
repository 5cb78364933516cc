import { ApplicationFailure } from '@temporalio/common';
import { createReserveStock } from '../../activities/inventory/reserve-stock';
import { INSUFFICIENT_STOCK } from '../../domain/inventory/errors';
import { type PrismaClient } from '../../prisma/client';
import { naiveReserve } from './naive-reserve';

export type ReserveAttemptResult = 'ok' | 'rejected';

export interface ReservationImplementation {
  name: string;
  /** Short tag for the stores this implementation sells from (one store per round). */
  tag: string;
  reserve(storeCode: string, sku: string, quantity: number, businessKey: string): Promise<ReserveAttemptResult>;
}

export const benchActor = { userId: null, label: 'bench:reservations' };

/** Our reserveStock activity, called as the worker calls it; a short line is a rejection, not an error. */
export function oursImplementation(prisma: PrismaClient): ReservationImplementation {
  const reserveStock = createReserveStock({ prisma });
  return {
    name: 'ours (atomic + ledger)',
    tag: 'OURS',
    reserve: async (storeCode, sku, quantity, businessKey) => {
      try {
        await reserveStock({ storeCode, lines: [{ sku, quantity }], businessKey, actor: benchActor, workflowId: null, reason: 'bench' });
        return 'ok';
      } catch (error) {
        if (error instanceof ApplicationFailure && error.type === INSUFFICIENT_STOCK) return 'rejected';
        throw error;
      }
    },
  };
}

export function naiveImplementation(prisma: PrismaClient): ReservationImplementation {
  return {
    name: 'naive read-then-write',
    tag: 'NAIVE',
    reserve: async (storeCode, sku, quantity, businessKey) =>
      (await naiveReserve(prisma, storeCode, sku, quantity, businessKey)) ? 'ok' : 'rejected',
  };
}
