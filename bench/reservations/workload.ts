export interface ReservationAttempt {
  skuIndex: number;
  quantity: number;
}

/** The same pseudo-random attempt sequence for every implementation (mulberry32, seeded). */
export function buildAttempts(count: number, skus: number, maxQuantity: number, seed: number): ReservationAttempt[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => ({ skuIndex: Math.floor(next() * skus), quantity: 1 + Math.floor(next() * maxQuantity) }));
}
