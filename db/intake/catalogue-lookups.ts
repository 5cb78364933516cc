import { InvalidDataError } from '../../domain/errors';
import { type CatalogueProduct } from '../../domain/orders/order-lines';
import { type StorePickupColumns } from '../../domain/pickup/pickup-settings';
import { type Prisma } from '../../prisma/client';
import { pickupStoreSettingsSelect } from './pickup-start-source';

export async function productsBySku(tx: Prisma.TransactionClient, skus: readonly string[]): Promise<Map<string, CatalogueProduct>> {
  const products = await tx.product.findMany({
    where: { sku: { in: [...new Set(skus)] } },
    select: { id: true, sku: true, name: true, basePriceMinor: true, currency: true, active: true },
  });
  return new Map(products.map((product) => [product.sku, product]));
}

export interface PickupStore extends StorePickupColumns {
  id: string;
  code: string;
  currency: string;
  /** Paused by a store outage (docs/outages.md): not offered for pickup until it is lifted. */
  pickupPaused: boolean;
}

/** The store an order is to be collected from; an unknown or closed store is a field error at `field`. */
export async function pickupStoreByCode(tx: Prisma.TransactionClient, code: string, field: string): Promise<PickupStore> {
  const store = await tx.store.findUnique({
    where: { code },
    select: { ...pickupStoreSettingsSelect, id: true, currency: true, active: true, pickupPaused: true },
  });
  if (store === null) throw new InvalidDataError('Unknown pickup store', { [field]: `no store ${code}` });
  if (!store.active) throw new InvalidDataError('Pickup store is closed', { [field]: `store ${code} does not take pickup orders` });
  return store;
}
