import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { type IntakeTestApi, startIntakeApi } from './support/intake-test-kit';

const bigBundle = 'console.log("a bundle worth compressing");\n'.repeat(200);
const indexHtml =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/admin/assets/index-3f2a9c1b.js"></script></body></html>';

describe('the admin UI at /admin', () => {
  let distDir: string;
  let api: IntakeTestApi;

  beforeAll(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), 'admin-dist-'));
    await mkdir(path.join(distDir, 'assets'));
    await writeFile(path.join(distDir, 'index.html'), indexHtml);
    await writeFile(path.join(distDir, 'assets', 'index-3f2a9c1b.js'), 'console.log("admin")');
    await writeFile(path.join(distDir, 'favicon.svg'), '<svg/>');
    await writeFile(path.join(distDir, 'assets', 'app-5d1e2f3a.js'), bigBundle);
    await writeFile(path.join(distDir, 'assets', 'app-5d1e2f3a.js.br'), brotliCompressSync(bigBundle));
    await writeFile(path.join(distDir, 'assets', 'app-5d1e2f3a.js.gz'), gzipSync(bigBundle));
    api = await startIntakeApi({ ADMIN_DIST_DIR: distDir });
  });

  afterAll(async () => {
    await api.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it('answers a deep link with index.html, so the client router can show the page', async () => {
    const response = await request(api.app).get('/admin/orders/0b5e3c1e-6c2f-4f7e-9a55-8f1f3c7a2d10/show');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toBe(indexHtml);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed bundles cacheable for good, and other files revalidated', async () => {
    const bundle = await request(api.app).get('/admin/assets/index-3f2a9c1b.js');
    const favicon = await request(api.app).get('/admin/favicon.svg');

    expect(bundle.status).toBe(200);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(favicon.status).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it("sends the build's brotli or gzip copy of a file to a browser that accepts it, and the file itself otherwise", async () => {
    const get = (acceptEncoding: string) =>
      request(api.app)
        .get('/admin/assets/app-5d1e2f3a.js')
        .set('Accept-Encoding', acceptEncoding)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const brotli = await get('gzip, deflate, br');
    const gzip = await get('gzip');
    const plain = await get('identity');

    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['vary']).toMatch(/Accept-Encoding/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(brotli.headers['content-length'])).toBeLessThan(bigBundle.length / 10);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(bigBundle.length);
    expect(String(plain.body)).toBe(bigBundle);
  });

  it('answers a missing file with 404, not with index.html', async () => {
    const response = await request(api.app).get('/admin/assets/index-00000000.js');
    expect(response.status).toBe(404);
  });

  it('sends / and /admin to /admin/', async () => {
    const root = await request(api.app).get('/');
    const bare = await request(api.app).get('/admin');

    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/admin/');
    expect(bare.headers.location).toBe('/admin/');
    expect((await request(api.app).get('/admin/')).text).toBe(indexHtml);
  });

  it('says how to build the UI when there is no build', async () => {
    const unbuilt = await startIntakeApi({ ADMIN_DIST_DIR: path.join(distDir, 'not-built') });
    try {
      const response = await request(unbuilt.app).get('/admin/orders');
      expect(response.status).toBe(503);
      expect((response.body as { message: string }).message).toMatch(/vite build/);
    } finally {
      await unbuilt.close();
    }
  });
});
