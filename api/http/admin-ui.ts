import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** Vite names bundles under assets/ by content hash: a new build gets new names, so these never go stale. */
const hashedAssetsPrefix = `${path.sep}assets${path.sep}`;
const cacheForever = 'public, max-age=31536000, immutable';
/** index.html names the current bundles, so browsers must check it on every visit. */
const alwaysRevalidate = 'no-cache';

function isReadRequest(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A deep link (`/admin/orders/123`) has no file extension; a missing asset (`/admin/x.js`) has one and stays a 404. */
function isClientRoute(requestPath: string): boolean {
  return path.extname(requestPath) === '';
}

/**
 * Serves the built react-admin UI (admin/dist, built by Vite with base `/admin/`) at /admin: files as
 * they are, deep links answered with index.html so the client router takes over, and `/` sent to the UI.
 * Middleware rather than routes: these are not API operations and stay out of the OpenAPI document.
 * Whether a build exists is checked per request, so building the UI does not need an API restart.
 */
export function mountAdminUi(app: Express, distDir: string): void {
  const indexFile = path.join(distDir, 'index.html');
  const staticFiles = express.static(distDir, {
    index: false,
    redirect: false,
    setHeaders: (res, filePath) => res.setHeader('Cache-Control', filePath.includes(hashedAssetsPrefix) ? cacheForever : alwaysRevalidate),
  });

  app.use((req, res, next) => {
    if (req.path === '/' && isReadRequest(req.method)) res.redirect(302, '/admin/');
    else next();
  });

  app.use('/admin', (req, res, next) => {
    if (!isReadRequest(req.method)) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      res.status(503).json({
        message: `The admin UI is not built (no ${indexFile}): build it with \`npx vite build --config admin/vite.config.ts\`, or start everything with \`npm run dev\`, which builds it`,
      });
      return;
    }
    if (req.originalUrl === '/admin') {
      res.redirect(301, '/admin/');
      return;
    }
    staticFiles(req, res, (error?: unknown) => {
      if (error !== undefined) next(error);
      else if (isClientRoute(req.path)) res.setHeader('Cache-Control', alwaysRevalidate).sendFile(indexFile);
      else next();
    });
  });
}
