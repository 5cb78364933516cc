import demoUsers from '../../prisma/seed-data/demo-users.json';

/**
 * Where the browser tests point and who they sign in as. API_URL is the API serving /admin and /api
 * with the demo data seeded (the test bootstrap provides both).
 */
function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`npm test\`, or point ${name} at an API serving /admin`);
  return value;
}

export const apiUrl = requiredEnv('API_URL').replace(/\/$/, '');
export const adminUrl = `${apiUrl}/admin/`;
/** Per browser step; generous because the first page load parses a large bundle on a 2-core machine. */
export const stepTimeoutMs = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 15_000);
export const testTimeoutMs = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 90_000);

type DemoUser = (typeof demoUsers.users)[number];

export interface DemoLogin {
  email: string;
  password: string;
  storeCode: string;
}

function demoLogin(matches: (user: DemoUser) => boolean): DemoLogin {
  const user = demoUsers.users.find(matches);
  if (user === undefined) throw new Error('The demo users lack a user these tests need');
  return { email: user.email, password: demoUsers.password, storeCode: user.storeCode ?? '' };
}

export const admin = demoLogin((user) => user.role === 'ADMIN');
export const opsLead = demoLogin((user) => user.role === 'OPS_LEAD');
export const clerk = demoLogin((user) => user.role === 'STORE_STAFF' && !user.isStoreManager);
/** A store that is not the clerk's, for head-office views of a single store. */
export const otherStoreCode = demoLogin((user) => user.role === 'STORE_STAFF' && user.storeCode !== clerk.storeCode).storeCode;
/** The manager of the clerk's store: asks for stock adjustments that need a second person. */
export const storeManager = demoLogin((user) => user.role === 'STORE_STAFF' && user.isStoreManager && user.storeCode === clerk.storeCode);
