import cors from 'cors';
import { requestIdHeader } from './request-logging';

/**
 * CORS for the browser origins in API_CORS_ORIGINS only (the admin UI's Vite dev server; in production
 * the UI is served on the API's own origin and needs none). The origin is decided by a function, not
 * handed over as a list: given a list, `cors` still adds its other headers (Access-Control-Expose-Headers)
 * to a foreign origin's answers, while a function that says no makes it add nothing at all.
 */
export function corsForConfiguredOrigins(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    exposedHeaders: ['Content-Range', requestIdHeader],
  });
}
