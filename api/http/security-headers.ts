import helmet from 'helmet';

/**
 * helmet's headers for everything the API serves, the admin UI included (same origin, /admin).
 * The Content-Security-Policy is what the built react-admin UI needs and no more: its bundles come from
 * 'self' (no inline script in Vite's index.html), it calls the API on its own origin, and MUI's emotion
 * writes <style> elements at run time, which needs style-src 'unsafe-inline' (a nonce would mean
 * rewriting index.html per response). Nothing may frame the UI (clickjacking on approve buttons).
 * No upgrade-insecure-requests: on a plain-HTTP address in a store's network it would turn every asset
 * request into an HTTPS one that nothing answers; TLS is the reverse proxy's business (docs/operations.md).
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
