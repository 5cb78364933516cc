import { containsNul } from './text';

export interface UnsafeString {
  /** Dotted path of the value (or key) inside the part, e.g. `order.customer.name`. */
  path: string;
  reason: string;
}

/**
 * Every string (values and object keys) in a parsed request part that no column could store: with a
 * NUL byte, or longer than `maxLength`. Run on params, query and body before any schema, so a schema
 * that forgot its bound (or a free-form JSON field) still cannot carry one to the database. Stops at
 * the first few: the caller only needs to name them.
 */
export function findUnsafeStrings(value: unknown, maxLength: number, limit = 10): UnsafeString[] {
  const found: UnsafeString[] = [];
  const visit = (current: unknown, path: string, depth: number): void => {
    if (found.length >= limit) return;
    if (typeof current === 'string') {
      if (containsNul(current)) found.push({ path, reason: 'must not contain NUL characters (\\u0000)' });
      else if (current.length > maxLength) found.push({ path, reason: `must be at most ${maxLength} characters` });
      return;
    }
    if (typeof current !== 'object' || current === null || depth > 64) return;
    if (Array.isArray(current)) {
      current.forEach((item, index) => visit(item, path === '' ? String(index) : `${path}.${index}`, depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(current)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (containsNul(key) || key.length > maxLength)
        found.push({ path: keyPath.replaceAll('\u0000', '\\u0000').slice(0, 200), reason: 'is not a usable field name' });
      else visit(item, keyPath, depth + 1);
    }
  };
  visit(value, '', 0);
  return found;
}
