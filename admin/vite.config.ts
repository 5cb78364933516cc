import { defineConfig } from 'vite';
import { precompress } from './build-plugins/precompress';

/**
 * The admin UI is built once (`npx vite build --config admin/vite.config.ts` from the repo root) and
 * served by the API under /admin, so the browser calls the API on its own origin (no CORS, no API URL
 * baked into the bundle). In development the Vite server forwards /api to the API instead.
 */
const adminRoot = import.meta.dirname;
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const devServerPort = Number(process.env.ADMIN_DEV_PORT ?? 5173);
const apiProxy = { '/api': { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  root: adminRoot,
  base: '/admin/',
  // Vite 8 compiles TSX with its built-in Oxc transform; React's automatic runtime needs no React import.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin and MUI are one big dependency; warn only when the bundle grows well past their size.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      onLog(level, log, defaultHandler) {
        // MUI marks its modules 'use client' for React Server Components; a client-only bundle can ignore it.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(level, log);
      },
    },
  },
  server: { host: '127.0.0.1', port: devServerPort, strictPort: true, proxy: apiProxy },
  preview: { host: '127.0.0.1', proxy: apiProxy },
});
