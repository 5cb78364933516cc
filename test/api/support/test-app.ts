import { type Express } from 'express';
import request from 'supertest';
import { createApp, whenBackgroundWorkIdle } from '../../../api/app';
import { apiConfigSchema } from '../../../api/config';
import { createLogger } from '../../../api/logger';
import { createTemporalClient } from '../../../api/temporal-client';
import { type WorkflowRegistry } from '../../../api/workflow-registry/workflow-registry';
import { parseConfig } from '../../../domain/config';
import { createPrismaClient, type PrismaClient } from '../../../prisma/client';
import demoUsers from '../../../prisma/seed-data/demo-users.json';
import { testEnv } from '../../support/env';

export const demoPassword = demoUsers.password;

/** Demo logins by role, as the seed creates them. */
export const demoLogin = {
  admin: 'admin@omni.example',
  opsLead: 'eva.jansen@omni.example',
  amsterdamStaff: 'daan.bakker@omni.example',
  berlinStaff: 'jonas.weber@omni.example',
} as const;

export function testConfig(overrides: Record<string, string> = {}) {
  return parseConfig(apiConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testEnv.databaseUrl,
    TEMPORAL_ADDRESS: testEnv.temporalAddress,
    TEMPORAL_NAMESPACE: testEnv.temporalNamespace,
    // Every suite signs in (and some fail on purpose) from the one loopback address into one shared
    // database; the login limits are tested on their own (login-rate-limit.test.ts) with limits of their own.
    LOGIN_MAX_FAILED_ATTEMPTS_PER_ACCOUNT: '1000',
    LOGIN_MAX_FAILED_ATTEMPTS_PER_IP: '100000',
    ...overrides,
  });
}

export interface TestApi {
  app: Express;
  prisma: PrismaClient;
  /** Bearer token of a demo user, logged in through the real endpoint (cached per email). */
  tokenFor(email: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on the test database and Temporal server the bootstrap started; supertest drives it. */
export function startTestApi(
  options: { databaseUrl?: string; temporalAddress?: string; workflows?: WorkflowRegistry; config?: Record<string, string> } = {},
): TestApi {
  const config = testConfig({
    ...options.config,
    ...(options.databaseUrl !== undefined && { DATABASE_URL: options.databaseUrl }),
    ...(options.temporalAddress !== undefined && { TEMPORAL_ADDRESS: options.temporalAddress }),
  });
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: 4 });
  const temporal = createTemporalClient(config);
  const app = createApp({ prisma, temporal, config, logger: createLogger(config), workflows: options.workflows });
  const tokens = new Map<string, Promise<string>>();

  return {
    app,
    prisma,
    tokenFor(email) {
      let token = tokens.get(email);
      if (token === undefined) {
        token = request(app)
          .post('/api/auth/login')
          .send({ email, password: demoPassword })
          .then((response) => {
            if (response.status !== 200) throw new Error(`demo login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
            return (response.body as { token: string }).token;
          });
        tokens.set(email, token);
      }
      return token;
    },
    async close() {
      await whenBackgroundWorkIdle(app);
      await Promise.allSettled([prisma.$disconnect(), temporal.close()]);
    },
  };
}

/** Matchers typed for use inside expected objects (jest types them as `any`). */
export const anyString = expect.any(String) as unknown;

export interface ErrorBody {
  message: string;
  errors?: Record<string, string>;
}

/** supertest's body is `any`; name what the test expects it to be. */
export function bodyOf<T>(response: { body: unknown }): T {
  return response.body as T;
}
