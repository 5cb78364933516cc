import { randomUUID } from 'node:crypto';

/** The JSON Schema subset zod-to-openapi writes into our OpenAPI 3.1 document. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  description?: string;
}

/** Strings tried, in order, against a `pattern`: enough for the codes, currencies and ids our schemas allow. */
const patternCandidates = ['abc', 'ABC', 'EUR', 'abc-1', 'a1', '123', 'pickup:abc', 'AMS-01'];

/**
 * A plausible valid value for `schema`: every property (required or not), one item per array, the
 * documented example when there is one. The fuzzer then breaks one leaf of it at a time, so each
 * request is valid except for the one thing under test and gets as deep into the route as it can.
 */
export function exampleOf(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (depth > 12) return null;
  if (schema.$ref !== undefined) {
    const resolved = components[schema.$ref.replace('#/components/schemas/', '')];
    return resolved === undefined ? null : exampleOf(resolved, components, depth + 1);
  }
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice !== undefined) {
    const option = choice.find((candidate) => candidate.type !== 'null') ?? choice[0];
    return option === undefined ? null : exampleOf(option, components, depth + 1);
  }
  if (schema.allOf !== undefined) {
    return Object.assign({}, ...schema.allOf.map((part) => exampleOf(part, components, depth + 1)));
  }
  if (schema.const !== undefined) return schema.const;
  // A documented example is a request the route accepts: the best base to break one field of.
  if (schema.example !== undefined) return structuredClone(schema.example as unknown);
  if (schema.enum !== undefined) return schema.enum[0];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((candidate) => candidate !== 'null' && candidate !== undefined);
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(property, components, depth + 1)]),
      );
    case 'array': {
      const item = schema.items === undefined ? null : exampleOf(schema.items, components, depth + 1);
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, schema.exclusiveMinimum === undefined ? 1 : schema.exclusiveMinimum + 1);
    case 'boolean':
      return true;
    case 'string':
      return stringExample(schema);
    default:
      return null;
  }
}

function stringExample(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return 'fuzz@example.com';
    case 'date-time':
      return new Date().toISOString();
    case 'uri':
      return 'http://127.0.0.1/fuzz';
  }
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    return patternCandidates.find((candidate) => pattern.test(candidate)) ?? 'abc';
  }
  return 'abc'.padEnd(Math.max(3, schema.minLength ?? 0), 'c');
}

export type JsonPath = (string | number)[];

/** Every scalar in `value` with its path (strings and numbers: what the malformed-input classes break). */
export function leavesOf(value: unknown, path: JsonPath = []): { path: JsonPath; value: string | number }[] {
  if (typeof value === 'string' || typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]));
  return [];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return (value as unknown[]).map((item, index) => (index === head ? withLeaf(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: withLeaf(record[head as string], rest, replacement) };
}
