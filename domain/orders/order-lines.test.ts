import { InvalidDataError } from '../errors';
import { type CatalogueProduct, priceOrderLines } from './order-lines';

const product = (sku: string, basePriceMinor: number, overrides: Partial<CatalogueProduct> = {}): CatalogueProduct => ({
  id: `id-${sku}`,
  sku,
  name: `Product ${sku}`,
  basePriceMinor,
  currency: 'EUR',
  active: true,
  ...overrides,
});
const catalogue = new Map(
  [
    product('MUG-1', 1299),
    product('TEE-2', 2500),
    product('OLD-3', 900, { active: false }),
    product('USD-4', 1000, { currency: 'USD' }),
  ].map((p) => [p.sku, p]),
);

function fieldErrorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidDataError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected an InvalidDataError');
}

describe('priceOrderLines', () => {
  it('prices from the catalogue unless a price is given, and totals in minor units', () => {
    const priced = priceOrderLines(
      [
        { sku: 'MUG-1', quantity: 2 },
        { sku: 'TEE-2', quantity: 1, unitPriceMinor: 1999 },
      ],
      catalogue,
      { fieldPath: 'lines', acceptInactiveProducts: false },
    );
    expect(priced).toEqual({
      currency: 'EUR',
      totalMinor: 2 * 1299 + 1999,
      lines: [
        { productId: 'id-MUG-1', sku: 'MUG-1', productName: 'Product MUG-1', quantity: 2, unitPriceMinor: 1299 },
        { productId: 'id-TEE-2', sku: 'TEE-2', productName: 'Product TEE-2', quantity: 1, unitPriceMinor: 1999 },
      ],
    });
  });

  it('reports every unusable line under its own field', () => {
    const errors = fieldErrorsOf(() =>
      priceOrderLines(
        [
          { sku: 'NOPE', quantity: 1 },
          { sku: 'MUG-1', quantity: 1 },
          { sku: 'OLD-3', quantity: 1 },
          { sku: 'USD-4', quantity: 1 },
        ],
        catalogue,
        { fieldPath: 'lines', acceptInactiveProducts: false },
      ),
    );
    expect(Object.keys(errors).sort()).toEqual(['lines.0.sku', 'lines.2.sku', 'lines.3.sku']);
  });

  it('accepts a retired product from a channel that already sold it', () => {
    expect(
      priceOrderLines([{ sku: 'OLD-3', quantity: 1, unitPriceMinor: 500 }], catalogue, {
        fieldPath: 'order.lines',
        acceptInactiveProducts: true,
      }).totalMinor,
    ).toBe(500);
  });

  it('holds the order to the store’s currency', () => {
    const errors = fieldErrorsOf(() =>
      priceOrderLines([{ sku: 'MUG-1', quantity: 1 }], catalogue, { fieldPath: 'lines', acceptInactiveProducts: false, currency: 'USD' }),
    );
    expect(errors).toEqual({ 'lines.0.sku': 'MUG-1 is priced in EUR, the order is in USD' });
  });
});

describe('order totals', () => {
  it('refuses lines whose exact total a JavaScript number could not hold', () => {
    const lines = Array.from({ length: 100 }, () => ({ sku: 'MUG-1', quantity: 1_000_000, unitPriceMinor: 2_147_483_647 }));
    const errors = fieldErrorsOf(() => priceOrderLines(lines, catalogue, { fieldPath: 'lines', acceptInactiveProducts: false }));
    expect(errors).toEqual({ lines: expect.stringContaining('add up to more than') as unknown });
  });

  it('totals exactly up to the largest safe integer', () => {
    const priced = priceOrderLines([{ sku: 'MUG-1', quantity: 1_000_000, unitPriceMinor: 2_147_483_647 }], catalogue, {
      fieldPath: 'lines',
      acceptInactiveProducts: false,
    });
    expect(priced.totalMinor).toBe(2_147_483_647_000_000);
  });
});
