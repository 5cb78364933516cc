import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { type ApiRouter } from '../http/api-router';
import { generateOpenApiDocument, type OpenApiDocument } from '../openapi/document';

const openApiDocumentSchema = z
  .object({ openapi: z.string(), info: z.unknown(), paths: z.unknown().optional(), components: z.unknown().optional() })
  .meta({ description: 'An OpenAPI 3.1 document' });

/**
 * Serves the API reference. Generated on first request, i.e. after every route has registered itself,
 * and cached: the routes don't change while the process runs.
 */
export function registerDocsRoutes(api: ApiRouter, registry: OpenAPIRegistry): void {
  let document: OpenApiDocument | undefined;
  for (const path of ['/api/docs', '/api/docs.json']) {
    api.route({
      method: 'get',
      path,
      summary: 'This API’s OpenAPI 3.1 document',
      tags: ['docs'],
      access: 'public',
      response: { description: 'The OpenAPI document', schema: openApiDocumentSchema },
      handle: () => {
        document ??= generateOpenApiDocument(registry, undefined);
        return Promise.resolve(document);
      },
    });
  }
}
