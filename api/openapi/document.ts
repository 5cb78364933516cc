import { OpenApiGeneratorV31, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function registerBearerAuth(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The `token` from POST /api/auth/login',
  });
}

/**
 * The API reference, generated from the same zod schemas that validate requests. Without a server URL
 * the document names its own origin (`/`, relative to where it is served), so it fits every deployment.
 */
export function generateOpenApiDocument(registry: OpenAPIRegistry, serverUrl: string | undefined): OpenApiDocument {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Omnichannel Ops API',
      version: '0.1.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Lists follow react-admin simple-rest: `?sort=["field","ASC"]&range=[0,24]&filter={...}`, a JSON array and a `Content-Range` header. Errors are `{ message, errors? }`.',
    },
    servers: [{ url: serverUrl ?? '/', description: 'The API that serves this document' }],
  });
}
