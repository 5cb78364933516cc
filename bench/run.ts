/**
 * `npm run bench -- <name>`: runs one benchmark by name. Each bench is also runnable on its own
 * (`npx tsx bench/<name>.ts`); see bench/README.md for what each measures and its settings.
 */
const benches: Record<string, () => Promise<void>> = {
  reservations: async () => (await import('./reservations')).runReservationsBench(),
  pickup: async () => (await import('./pickup')).runPickupBench(),
  'intake-storm': async () => (await import('./intake-storm')).runIntakeStormBench(),
  'admin-first-load': async () => (await import('./admin-first-load')).runAdminFirstLoadBench(),
  reconciliation: async () => (await import('./reconciliation')).runReconciliationBench(),
  'promo-rollout': async () => (await import('./promo-rollout')).runPromoRolloutBench(),
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const bench = name === undefined ? undefined : benches[name];
  if (!bench) {
    console.error(`Usage: npm run bench -- <name>\nBenches: ${Object.keys(benches).join(', ')}`);
    process.exit(64);
  }
  await bench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
