import { type OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { type z } from 'zod';
import { type Actor, type Role, roles } from '../../domain/auth/roles';
import { UnauthorizedError } from '../../domain/errors';
import { errorBodySchema } from '../openapi/common-schemas';
import { operationIdFor, type OperationIds } from '../openapi/operation-ids';
import { requireRole } from '../auth/authenticate';
import { requestIdOf } from './request-logging';
import { validate, type ValidationLimits } from './validate';

type Schema = z.ZodType;
/** Path and query parameters are objects of named values (OpenAPI lists each one). */
type ParamsSchema = z.ZodObject;
type Output<S> = S extends Schema ? z.output<S> : undefined;

/** Who may call a route: anybody, any signed-in user, or signed-in users with one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteInput<B, Q, P, A extends Access> {
  body: Output<B>;
  query: Output<Q>;
  params: Output<P>;
  /** The verified caller; present on every route that is not public. */
  actor: A extends 'public' ? undefined : Actor;
  /** For the audit trail and log lines: the X-Request-Id this request answers with. */
  requestId: string;
  req: Request;
  res: Response;
}

export interface RouteDefinition<
  B extends Schema | undefined,
  Q extends ParamsSchema | undefined,
  P extends ParamsSchema | undefined,
  R extends Schema,
  A extends Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax (`/api/stores/:id`); the OpenAPI path is derived from it. */
  path: string;
  summary: string;
  description?: string;
  /** The OpenAPI operationId; derived from method + path when left out (api/openapi/operation-ids.ts). */
  operationId?: string;
  tags: string[];
  access: A;
  request?: { body?: B; query?: Q; params?: P };
  response: {
    status?: 200 | 201 | 202;
    description: string;
    schema: R;
    /** react-admin list: documents the Content-Range header the handler sets. */
    isList?: boolean;
  };
  /** Statuses this route answers besides the ones implied by its access and request schemas; the body is an ErrorBody unless a schema is given. */
  otherResponses?: { status: 202 | 401 | 404 | 409 | 429 | 503; description: string; schema?: Schema }[];
  handle: (input: RouteInput<B, Q, P, A>) => Promise<z.input<R>>;
}

const errorContent = { 'application/json': { schema: errorBodySchema } };

export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Registers a route on Express and describes it in the OpenAPI registry from the same definition, so
 * the published document cannot drift from what the server does. Access checks and zod validation run
 * before the handler, which receives the parsed input and returns the body to send.
 */
export class ApiRouter {
  readonly router = express.Router();

  constructor(
    private readonly registry: OpenAPIRegistry,
    private readonly authenticate: RequestHandler,
    private readonly limits: ValidationLimits,
    private readonly operationIds: OperationIds,
  ) {}

  route<
    B extends Schema | undefined = undefined,
    Q extends ParamsSchema | undefined = undefined,
    P extends ParamsSchema | undefined = undefined,
    R extends Schema = Schema,
    A extends Access = Access,
  >(definition: RouteDefinition<B, Q, P, R, A>): void {
    this.registry.registerPath(this.describe(definition));
    const status = definition.response.status ?? 200;
    const handler: RequestHandler = async (req, res) => {
      const validated = req.validated ?? {};
      if (definition.access !== 'public' && req.actor === undefined) throw new UnauthorizedError();
      // validate() parsed each part with exactly these schemas, so the values have these types.
      const input = {
        body: validated.body,
        query: validated.query,
        params: validated.params,
        actor: req.actor,
        requestId: requestIdOf(req),
        req,
        res,
      } as RouteInput<B, Q, P, A>;
      // Set first so a handler can still choose another documented status (e.g. 503 from /readyz).
      res.status(status);
      res.json(await definition.handle(input));
    };
    this.router[definition.method](
      definition.path,
      ...this.accessChecks(definition.access),
      validate(definition.request ?? {}, this.limits),
      handler,
    );
  }

  private accessChecks(access: Access): RequestHandler[] {
    if (access === 'public') return [];
    if (access === 'authenticated') return [this.authenticate];
    return [this.authenticate, requireRole(...access)];
  }

  private describe(
    definition: RouteDefinition<Schema | undefined, ParamsSchema | undefined, ParamsSchema | undefined, Schema, Access>,
  ): RouteConfig {
    const { access, request = {}, response } = definition;
    const responses: RouteConfig['responses'] = {
      [response.status ?? 200]: {
        description: response.description,
        content: { 'application/json': { schema: response.schema } },
        ...(response.isList === true && {
          headers: {
            'Content-Range': { description: 'e.g. `inventory 0-24/319`: the rows returned and the total', schema: { type: 'string' } },
          },
        }),
      },
    };
    if (request.body !== undefined || request.query !== undefined || request.params !== undefined) {
      responses[400] = { description: 'Invalid input; `errors` maps each bad field to a message', content: errorContent };
    }
    if (access !== 'public') responses[401] = { description: 'Missing, invalid or expired token', content: errorContent };
    if (access !== 'public' && (access === 'authenticated' || access.length < roles.length)) {
      responses[403] = {
        description: access === 'authenticated' ? 'Outside your store' : `Needs role ${access.join(' or ')}`,
        content: errorContent,
      };
    }
    for (const other of definition.otherResponses ?? []) {
      responses[other.status] = {
        description: other.description,
        content: { 'application/json': { schema: other.schema ?? errorBodySchema } },
      };
    }

    return {
      method: definition.method,
      path: toOpenApiPath(definition.path),
      operationId: this.operationIds.claim(
        definition.operationId ?? operationIdFor(definition.method, definition.path),
        `${definition.method.toUpperCase()} ${definition.path}`,
      ),
      summary: definition.summary,
      ...(definition.description !== undefined && { description: definition.description }),
      tags: definition.tags,
      // Public operations say so (`[]`), so no generated client sends a token where none is wanted.
      security: access === 'public' ? [] : [{ bearerAuth: [] }],
      request: {
        ...(request.params !== undefined && { params: request.params }),
        ...(request.query !== undefined && { query: request.query }),
        ...(request.body !== undefined && { body: { required: true, content: { 'application/json': { schema: request.body } } } }),
      },
      responses,
    };
  }
}
