import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';

/** Vite names bundles under assets/ by content hash: a new build gets new names, so these never go stale. */
const hashedAssetsPrefix = `${path.sep}assets${path.sep}`;
const cacheForever = 'public, max-age=31536000, immutable';
/** index.html names the current bundles, so browsers must check it on every visit. */
const alwaysRevalidate = 'no-cache';

/** What the build wrote next to each text file (admin/build-plugins/precompress.ts), best first. */
const precompressedCopies = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

function cacheControlFor(filePath: string): string {
  return filePath.includes(hashedAssetsPrefix) ? cacheForever : alwaysRevalidate;
}

function isReadRequest(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A deep link (`/admin/orders/123`) has no file extension; a missing asset (`/admin/x.js`) has one and stays a 404. */
function isClientRoute(requestPath: string): boolean {
  return path.extname(requestPath) === '';
}

/**
 * Sends `<file>.br` or `<file>.gz` with its Content-Encoding when the browser accepts it and the build
 * wrote one; otherwise nothing is sent and the caller serves the file as it is. The Content-Type stays
 * the original file's (send() keeps a type that is already set).
 */
function sendPrecompressed(req: Request, res: Response, filePath: string, cacheControl: string): boolean {
  // Our order, not the header's: browsers list `gzip, deflate, br` with equal weight, and brotli is smaller.
  const accepted = new Set(req.acceptsEncodings());
  const copy = precompressedCopies.find((candidate) => accepted.has(candidate.encoding));
  if (copy === undefined || !existsSync(filePath + copy.suffix)) return false;
  res.vary('Accept-Encoding');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Content-Encoding', copy.encoding);
  res.type(path.extname(filePath));
  res.sendFile(filePath + copy.suffix, { acceptRanges: false });
  return true;
}

/** A file of the build the request names, if there is one (never outside distDir). */
function builtFileFor(distDir: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined; // a malformed escape: express.static answers it
  }
  const filePath = path.join(distDir, path.normalize(decoded));
  if (!filePath.startsWith(distDir + path.sep)) return undefined;
  return statSync(filePath, { throwIfNoEntry: false })?.isFile() === true ? filePath : undefined;
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
    setHeaders: (res, filePath) => res.setHeader('Cache-Control', cacheControlFor(filePath)),
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
    const builtFile = builtFileFor(distDir, req.path);
    if (builtFile !== undefined && sendPrecompressed(req, res, builtFile, cacheControlFor(builtFile))) return;
    staticFiles(req, res, (error?: unknown) => {
      if (error !== undefined) next(error);
      else if (isClientRoute(req.path)) {
        if (!sendPrecompressed(req, res, indexFile, alwaysRevalidate)) res.setHeader('Cache-Control', alwaysRevalidate).sendFile(indexFile);
      } else next();
    });
  });
}
