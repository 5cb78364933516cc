import request from 'supertest';
import { bodyOf, startTestApi, type TestApi } from './support/test-app';

interface Operation {
  parameters?: { name: string }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
  security?: unknown;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

let api: TestApi;

beforeAll(() => {
  api = startTestApi();
});

afterAll(async () => {
  await api.close();
});

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** Every method + path Express actually serves, found by walking the app's router (and nested routers). */
function servedRoutes(stack: RouterLayer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route !== undefined) {
      const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack === undefined ? [] : servedRoutes(layer.handle.stack);
  });
}

describe('GET /api/docs', () => {
  it('is an OpenAPI 3.1 document describing every route the app serves, and nothing else', async () => {
    const response = await request(api.app).get('/api/docs');
    expect(response.status).toBe(200);
    const { openapi, paths } = bodyOf<OpenApiDocument>(response);
    expect(openapi).toBe('3.1.0');

    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = servedRoutes((api.app as unknown as { router: { stack: RouterLayer[] } }).router.stack);

    expect(served.length).toBeGreaterThan(15);
    expect(documented.sort()).toEqual(served.sort());
  });

  it('documents the list protocol, the auth scheme and the error shape', async () => {
    const document = bodyOf<OpenApiDocument>(await request(api.app).get('/api/docs.json'));

    const inventoryList = document.paths['/api/inventory']?.get;
    expect(inventoryList?.parameters?.map((parameter) => parameter.name)).toEqual(['sort', 'range', 'filter']);
    expect(inventoryList?.responses['200']?.headers).toHaveProperty('Content-Range');
    expect(inventoryList?.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths['/api/channels/{id}']?.put?.responses).toHaveProperty('403');
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ErrorBody).toBeDefined();
  });
});

describe('request ids', () => {
  it('echoes a caller’s X-Request-Id and makes one up otherwise', async () => {
    const echoed = await request(api.app).get('/healthz').set('X-Request-Id', 'trace-123');
    const generated = await request(api.app).get('/healthz');

    expect(echoed.headers['x-request-id']).toBe('trace-123');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a 404 in the usual error shape', async () => {
    const response = await request(api.app).get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'No route for GET /api/no-such-thing' });
  });
});
