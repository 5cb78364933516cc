import request from 'supertest';
import { operationIdFor, OperationIds } from '../../api/openapi/operation-ids';
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

describe('operationIds and security entries', () => {
  it('gives every operation a unique operationId derived from method and path, and says whether it needs a token', async () => {
    const { paths } = bodyOf<{ paths: Record<string, Record<string, { operationId?: string; security?: unknown }>> }>(
      await request(api.app).get('/api/docs'),
    );
    const operations = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, ...operation })),
    );
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter((operation) => operation.security === undefined).map((operation) => operation.route)).toEqual([]);

    const byRoute = new Map(operations.map((operation) => [operation.route, operation]));
    expect(byRoute.get('GET /api/stores/{id}')).toMatchObject({ operationId: 'getStoresById', security: [{ bearerAuth: [] }] });
    expect(byRoute.get('POST /api/auth/login')).toMatchObject({ operationId: 'postAuthLogin', security: [] });
    expect(byRoute.get('GET /metrics')).toMatchObject({ operationId: 'getMetrics', security: [] });
  });

  it('refuses a second route under an operationId already taken', () => {
    const ids = new OperationIds();
    ids.claim(operationIdFor('get', '/api/docs.json'), 'GET /api/docs.json');
    expect(operationIdFor('get', '/api/docs.json')).toBe('getDocsJson');
    expect(() => ids.claim('getDocsJson', 'GET /api/docs-json')).toThrow(/already used by GET \/api\/docs\.json/);
  });
});
