import request from 'supertest';
import { startTestApi, type TestApi } from './support/test-app';

let api: TestApi;

beforeAll(() => {
  api = startTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('security headers', () => {
  it.each(['/api/healthz', '/api/docs', '/api/stores', '/admin/'])('%s carries helmet headers', async (path) => {
    const response = await request(api.app).get(path);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'strict-transport-security': expect.stringContaining('max-age=') as unknown,
    });
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });

  it('has a Content-Security-Policy that allows only our own scripts and no framing', async () => {
    const csp = (await request(api.app).get('/admin/')).headers['content-security-policy'] as string;
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
      'connect-src': "'self'",
    });
    expect(directives).not.toHaveProperty('upgrade-insecure-requests');
  });
});

describe('CORS', () => {
  const allowed = 'http://127.0.0.1:5173';

  it('answers a configured origin (the Vite dev server) with CORS headers, preflight included', async () => {
    const simple = await request(api.app).get('/api/healthz').set('Origin', allowed);
    expect(simple.headers['access-control-allow-origin']).toBe(allowed);

    const preflight = await request(api.app)
      .options('/api/stores')
      .set('Origin', allowed)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
  });

  it('gives a foreign origin no CORS headers at all, so its pages cannot read our answers', async () => {
    const foreign = 'https://evil.example';
    const simple = await request(api.app).get('/api/healthz').set('Origin', foreign);
    const preflight = await request(api.app)
      .options('/api/auth/login')
      .set('Origin', foreign)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');

    for (const response of [simple, preflight]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});
