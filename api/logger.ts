import pino, { type Logger } from 'pino';
import { type ApiConfig } from './config';

export type { Logger } from 'pino';

/** One pino logger per process; request loggers are children of it carrying the request id. */
export function createLogger(config: Pick<ApiConfig, 'LOG_LEVEL'>): Logger {
  return pino({
    name: 'api',
    level: config.LOG_LEVEL,
    // Tokens and passwords must never reach the logs, even when a request is logged in full.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'], censor: '[redacted]' },
  });
}
