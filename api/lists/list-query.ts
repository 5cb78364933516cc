import { z } from 'zod';
import { int4 } from '../../domain/validation/integers';
import { findUnsafeStrings } from '../../domain/validation/unsafe-strings';
import { idSchema } from '../openapi/common-schemas';

/**
 * react-admin's simple-rest list protocol, parsed once for every resource:
 * `?sort=["field","ASC"]&range=[0,24]&filter={"q":"shoe"}`. Each resource names the fields it can sort
 * and filter by; anything else (or JSON that doesn't parse) is a 400 rather than silently ignored, so a
 * typo never shows a user an unfiltered list as if it were filtered.
 */

export type SortOrder = 'ASC' | 'DESC';

export interface ListQuery<Field extends string, Filter> {
  sort: { field: Field; order: SortOrder };
  /** Inclusive indexes as react-admin sends them; absent means "first page". */
  range: { start: number; end: number } | undefined;
  filter: Filter;
}

/** Longest `sort`, `range` or `filter` parameter: a filter of 1000 ids (react-admin's getMany) fits with room to spare. */
const MAX_JSON_PARAM_LENGTH = 64_000;

function jsonQueryParam(description: string, example: string) {
  return z
    .string()
    .max(MAX_JSON_PARAM_LENGTH)
    .transform((text, ctx): unknown => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
        return z.NEVER;
      }
      // JSON escapes ("\u0000") get past the request-wide check on the raw parameter; the parsed value must not.
      const [unsafe] = findUnsafeStrings(parsed, MAX_JSON_PARAM_LENGTH);
      if (unsafe !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${unsafe.path === '' ? 'value' : unsafe.path} ${unsafe.reason}` });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({ description, example });
}

/** Accepts one id or a list of them (react-admin's getMany sends `{"id":[...]}`); always yields a list. */
export const idFilterSchema = z
  .union([idSchema, z.array(idSchema).min(1, 'give at least one id').max(1000)])
  .transform((ids) => (Array.isArray(ids) ? ids : [ids]));

/** Booleans in filters may arrive as JSON booleans or as the strings a URL-synced form produces. */
export const booleanFilterSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export interface ListSpec<Field extends string, Filter extends z.ZodObject> {
  sortable: readonly [Field, ...Field[]];
  defaultSort: { field: NoInfer<Field>; order: SortOrder };
  /** A strict object: every key a client may filter by, parsed into what the query needs. */
  filter: Filter;
}

export function listQuerySchema<Field extends string, Filter extends z.ZodObject>(spec: ListSpec<Field, Filter>) {
  const sortable = spec.sortable.join(', ');
  const sortTuple = z.tuple([
    z.enum(spec.sortable, { error: () => `cannot sort by this field; sortable fields: ${sortable}` }),
    z.enum(['ASC', 'DESC'], { error: () => 'sort order must be ASC or DESC' }),
  ]);
  const rangeTuple = z
    .tuple([int4({ min: 0 }), int4({ min: 0 })], { error: () => 'range must be [start, end], two non-negative integers' })
    .refine(([start, end]) => end >= start, 'range end must not be before its start');

  return z.object({
    sort: jsonQueryParam(`[field, "ASC"|"DESC"]; sortable fields: ${sortable}`, `["${spec.defaultSort.field}","${spec.defaultSort.order}"]`)
      .pipe(sortTuple)
      .transform(([field, order]) => ({ field, order }))
      .optional()
      .transform((sort) => sort ?? spec.defaultSort),
    range: jsonQueryParam('[start, end], inclusive row indexes', '[0,24]')
      .pipe(rangeTuple)
      .transform(([start, end]) => ({ start, end }))
      .optional(),
    filter: jsonQueryParam(`JSON object; keys: ${Object.keys(spec.filter.shape).join(', ')}`, '{}')
      .pipe(spec.filter)
      .optional()
      .transform((filter) => filter ?? spec.filter.parse({})),
  });
}

/** Prisma orderBy for a whitelisted model field, with the id as tie-breaker so pages never overlap. */
export function toPrismaOrderBy<Field extends string>(sort: {
  field: Field;
  order: SortOrder;
}): [Record<Field, 'asc' | 'desc'>, { id: 'asc' }] {
  const direction = sort.order === 'ASC' ? 'asc' : 'desc';
  return [{ [sort.field]: direction } as Record<Field, 'asc' | 'desc'>, { id: 'asc' }];
}
