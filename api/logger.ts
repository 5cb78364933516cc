import pino, { type DestinationStream, type Logger } from 'pino';
import { type ApiConfig } from './config';

export type { Logger } from 'pino';

/**
 * One pino logger per process; request loggers are children of it carrying the request id. Logs go to
 * stdout unless a destination is given (the secrets-in-logs test captures them).
 */
export function createLogger(config: Pick<ApiConfig, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: 'api',
    level: config.LOG_LEVEL,
    // Tokens and passwords must never reach the logs, even when a request is logged in full.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'], censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
