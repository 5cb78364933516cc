import { gzipSync } from 'node:zlib';
import { exampleOf, type JsonSchema, leavesOf, withLeaf } from './example-values';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: JsonSchema;
  description?: string;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One generated request: which class of malformed input it carries, and the exact bytes to send. */
export interface FuzzCase {
  operation: string;
  inputClass: string;
  detail: string;
  method: string;
  /** Raw path and query, sent as they are (a `%zz` must reach the server undecoded). */
  url: string;
  body?: string | Buffer;
  headers: Record<string, string>;
  /** A change that changes nothing (empty, `__proto__`, duplicate-key PUT bodies): must not write either. */
  mustNotWrite: boolean;
}

export interface FuzzContext {
  /** A value for a path parameter that gets the request past routing (a real record where one helps). */
  pathValue(openApiPath: string, parameter: string): string;
  /**
   * The body with its business keys made unique (an order's external id, a webhook's event id): an
   * idempotent route would otherwise answer every case after the first as a repeat, before the broken field.
   */
  freshen(openApiPath: string, body: unknown): unknown;
  /** Headers the route needs besides the body (a webhook's signature over exactly these bytes). */
  headersFor(openApiPath: string, url: string, body: string | Buffer | undefined): Record<string, string>;
}

const NUL = '\u0000';
const INT4_OVERFLOW = 2 ** 31;
const longText = 'x'.repeat(8192);

/** What the malformed inputs do to a single string or number. */
function brokenLeaves(value: string | number): { detail: string; replacement: unknown }[] {
  if (typeof value === 'number')
    return [
      { detail: 'number past int4 (2^31)', replacement: INT4_OVERFLOW },
      { detail: 'number below int4 (-2^31 - 1)', replacement: -INT4_OVERFLOW - 1 },
      { detail: 'number past 2^53', replacement: 2 ** 60 },
      { detail: 'fraction', replacement: 1.5 },
    ];
  const broken = [
    { detail: 'NUL byte in the string', replacement: `${value.slice(0, 1)}${NUL}${value.slice(1)}` },
    { detail: '8 KB string', replacement: longText },
  ];
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) broken.push({ detail: 'year 0 date', replacement: '0000-01-01T00:00:00.000Z' });
  return broken;
}

/** `{"a":1,"a":1,...}`: JSON.parse keeps the last, a careless merge might not. */
function withDuplicateFirstKey(body: unknown): string {
  const text = JSON.stringify(body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return text;
  const [first] = Object.entries(body);
  return first === undefined ? '{"x":1,"x":2}' : `{${JSON.stringify(first[0])}:${JSON.stringify(first[1])},${text.slice(1)}`;
}

function fillPath(openApiPath: string, values: Record<string, string>): string {
  return openApiPath.replace(/\{([^}]+)\}/g, (_match, name: string) => values[name] ?? 'x');
}

/** The keys a list's `filter` takes, from its documented description ("JSON object; keys: id, q, ..."). */
function filterKeysOf(parameter: OpenApiParameter): string[] {
  const match = /keys: ([A-Za-z0-9_, ]+)/.exec(parameter.description ?? parameter.schema?.description ?? '');
  return match?.[1] === undefined ? [] : match[1].split(',').map((key) => key.trim());
}

function queryValueCases(parameter: OpenApiParameter): { detail: string; value: string }[] {
  if (parameter.name === 'filter') {
    const perKey = filterKeysOf(parameter).flatMap((key) => [
      { detail: `filter.${key}: NUL byte`, value: JSON.stringify({ [key]: `a${NUL}b` }) },
      { detail: `filter.${key}: 8 KB string`, value: JSON.stringify({ [key]: longText }) },
      { detail: `filter.${key}: empty list`, value: JSON.stringify({ [key]: [] }) },
      { detail: `filter.${key}: number past int4`, value: JSON.stringify({ [key]: INT4_OVERFLOW }) },
      { detail: `filter.${key}: year 0`, value: JSON.stringify({ [key]: '0000-01-01T00:00:00Z' }) },
      { detail: `filter.${key}: object`, value: JSON.stringify({ [key]: { __proto__: null, nested: true } }) },
    ]);
    return [
      ...perKey,
      { detail: 'filter {"id":[]}', value: '{"id":[]}' },
      { detail: 'filter not JSON', value: '{"q":' },
      { detail: 'filter __proto__', value: '{"__proto__":{"polluted":true}}' },
      { detail: 'filter NUL key', value: JSON.stringify({ [`q${NUL}`]: 'a' }) },
    ];
  }
  if (parameter.name === 'range')
    return [
      { detail: 'range past int4', value: `[0,${INT4_OVERFLOW}]` },
      { detail: 'range negative', value: '[-1,5]' },
      { detail: 'range huge', value: '[1e308,1e309]' },
      { detail: 'range not a pair', value: '["a"]' },
    ];
  if (parameter.name === 'sort')
    return [
      { detail: 'sort unknown field', value: '["nope","ASC"]' },
      { detail: 'sort NUL', value: JSON.stringify([`a${NUL}`, 'ASC']) },
      { detail: 'sort not JSON', value: '[' },
    ];
  return [
    { detail: `${parameter.name}: NUL byte`, value: `a${NUL}b` },
    { detail: `${parameter.name}: 8 KB string`, value: longText },
  ];
}

/**
 * Requests carrying each class of malformed input from issue 8 into every operation of the OpenAPI
 * document, so routes added later are fuzzed without anyone listing them: `%zz` and NUL path ids, NUL
 * bytes, 8 KB strings, numbers past int4 and year-0 dates in every query and body field, empty lists,
 * bad gzip, and empty, `__proto__` and duplicate-key bodies.
 */
export function fuzzCases(document: OpenApiDocument, context: FuzzContext): FuzzCase[] {
  const components = document.components?.schemas ?? {};
  const cases: FuzzCase[] = [];
  for (const [openApiPath, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${openApiPath}`;
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      const pathValues = Object.fromEntries(pathParameters.map((parameter) => [parameter, context.pathValue(openApiPath, parameter)]));
      const validPath = fillPath(openApiPath, pathValues);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const baseBody = bodySchema === undefined ? undefined : exampleOf(bodySchema, components);
      const baseText = baseBody === undefined ? undefined : JSON.stringify(baseBody);
      const add = (
        inputClass: string,
        detail: string,
        url: string,
        body: string | Buffer | undefined,
        extra: Record<string, string> = {},
        mustNotWrite = false,
      ) =>
        cases.push({
          operation: name,
          inputClass,
          detail,
          method,
          url,
          body,
          headers: {
            ...(body !== undefined && { 'Content-Type': 'application/json' }),
            ...context.headersFor(openApiPath, url, body),
            ...extra,
          },
          mustNotWrite,
        });

      for (const parameter of pathParameters) {
        for (const [detail, raw] of [
          ['%zz', '%zz'],
          ['NUL byte (%00)', '%00'],
          ['8 KB', longText],
        ] as const) {
          add('path parameter', `${parameter} = ${detail}`, fillPath(openApiPath, { ...pathValues, [parameter]: raw }), baseText);
        }
      }
      // Parameters nobody declared still reach the app (and its logs): every operation gets them.
      add('query', 'undeclared parameter with a NUL byte', `${validPath}?fuzz=%00`, baseText);
      add('query', 'undeclared 8 KB parameter', `${validPath}?fuzz=${longText}`, baseText);
      for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
        for (const { detail, value } of queryValueCases(parameter)) {
          add('query', detail, `${validPath}?${parameter.name}=${encodeURIComponent(value)}`, baseText);
        }
      }
      if (baseBody === undefined || baseText === undefined) continue;
      for (const leaf of leavesOf(baseBody)) {
        for (const { detail, replacement } of brokenLeaves(leaf.value)) {
          const body = withLeaf(context.freshen(openApiPath, baseBody), leaf.path, replacement);
          add('body field', `${leaf.path.join('.')}: ${detail}`, validPath, JSON.stringify(body));
        }
      }
      // The base itself, fresh: it must be accepted, or the broken-field cases above test nothing past validation.
      add('valid body', 'the documented example', validPath, JSON.stringify(context.freshen(openApiPath, baseBody)));
      const put = method === 'put';
      // No known field: a PUT must change nothing, and write nothing (not even an audit event).
      for (const [detail, text] of [
        ['empty object', '{}'],
        ['__proto__ only', '{"__proto__":{"polluted":true}}'],
        ['duplicate unknown keys', '{"fuzzUnknown":1,"fuzzUnknown":2}'],
      ] as const) {
        add('whole body', detail, validPath, text, {}, put);
      }
      add('whole body', 'duplicate keys', validPath, withDuplicateFirstKey(baseBody));
      for (const [detail, text] of [
        ['array', '[]'],
        ['null', 'null'],
        ['string', '"text"'],
        ['truncated JSON', baseText.slice(0, Math.max(1, Math.floor(baseText.length / 2)))],
      ] as const) {
        add('whole body', detail, validPath, text);
      }
      add('encoding', 'Content-Encoding gzip, body not gzip', validPath, Buffer.from(baseText), { 'Content-Encoding': 'gzip' });
      add('encoding', 'Content-Encoding gzip, truncated gzip', validPath, gzipSync(baseText).subarray(0, 12), {
        'Content-Encoding': 'gzip',
      });
      add('encoding', 'Content-Encoding deflate, body not deflate', validPath, Buffer.from(baseText), { 'Content-Encoding': 'deflate' });
      add('encoding', 'Content-Encoding unknown', validPath, Buffer.from(baseText), { 'Content-Encoding': 'x-fuzz' });
    }
  }
  return cases;
}
