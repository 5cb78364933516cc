import { z } from 'zod';

/**
 * Shared pieces of the per-process config schemas (api/config.ts, worker/config.ts,
 * channels/sandbox/config.ts). Each process parses its own schema once at start; the defaults are
 * what `npm run dev` uses on a fresh machine, so nothing has to be set to get going.
 */

export const databaseEnv = {
  DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/omnichannel'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
};

export const temporalEnv = {
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('omnichannel'),
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
};

export const logEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses `env` with `schema` or throws a ConfigError whose message names every bad variable,
 * e.g. `API_PORT: Too big: expected number to be <=65535 (got "99999")`.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    const raw = variable ? env[variable] : undefined;
    return `  ${variable}: ${issue.message}${raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Entry points call this: a bad value stops the process with the message and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, processName: string): z.infer<S> {
  try {
    return parseConfig(schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[${processName}] ${error.message}`);
    process.exit(78);
  }
}
