/**
 * Addresses of the real services the test bootstrap (`npm test` -> scripts/run.mjs test) started.
 * Running jest alone needs the same variables; failing loudly beats silently testing nothing.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which starts PostgreSQL and Temporal and sets it`);
  return value;
}

export const testEnv = {
  get databaseUrl() {
    return requireEnv('DATABASE_URL');
  },
  get temporalAddress() {
    return requireEnv('TEMPORAL_ADDRESS');
  },
  get temporalNamespace() {
    return process.env.TEMPORAL_NAMESPACE ?? 'default';
  },
};
