import { z } from 'zod';

/**
 * PostgreSQL `text` cannot hold U+0000, so a NUL byte anywhere in a string the API stores fails the
 * statement: it must be a field error long before that. Other control characters are storable and left
 * to the fields that care (codes and ids have their own patterns).
 */
export const NUL_MESSAGE = 'must not contain NUL characters (\\u0000)';

export function containsNul(value: string): boolean {
  return value.includes('\u0000');
}

export interface TextBounds {
  /** Longest accepted value in characters. Every string the API accepts has one: indexes and columns do. */
  max: number;
  /** Shortest accepted value after trimming (default 1: an empty string is a missing value). */
  min?: number;
  /** Leading and trailing white space removed before the length check (default true). */
  trim?: boolean;
}

/**
 * A NUL-free string of bounded length, the building block of every string field the API accepts. The
 * bound is the field's business limit (a SKU is 64 characters, a reason 500); a database index row
 * (about 2,700 bytes) is never the thing that says no. Still a ZodString, so the OpenAPI document
 * shows its lengths and callers can add `.regex()` or `.optional()`.
 */
export function boundedText({ max, min = 1, trim = true }: TextBounds) {
  return (trim ? z.string().trim() : z.string())
    .min(min)
    .max(max)
    .refine((value) => !containsNul(value), NUL_MESSAGE);
}

/** E-mail addresses: 254 characters is the SMTP limit. */
export function emailAddress() {
  return z
    .email('must be an email address')
    .max(254)
    .refine((value) => !containsNul(value), NUL_MESSAGE);
}
