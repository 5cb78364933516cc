import { type MessageTree } from './domain-messages';

/**
 * What a translation must agree on with English: every key, and the same %{placeholders} (all of English's
 * plural forms together). A language with one plural form (Indonesian) must not carry a `||||` either,
 * since Polyglot would only ever show its first form.
 */
export interface ParityProblem {
  key: string;
  problem: string;
}

const pluralSeparator = '||||';

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

function leavesOf(tree: object, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object') for (const [leaf, text] of leavesOf(value as object, path)) leaves.set(leaf, text);
    else leaves.set(path, value);
  }
  return leaves;
}

export function parityProblems(
  english: object | MessageTree,
  translation: object | MessageTree,
  options: { singlePluralForm: boolean },
): ParityProblem[] {
  const expected = leavesOf(english);
  const actual = leavesOf(translation);
  const problems: ParityProblem[] = [];
  for (const [key, englishText] of expected) {
    const text = actual.get(key);
    if (typeof text !== 'string' || (text.trim() === '' && String(englishText).trim() !== '')) {
      problems.push({ key, problem: 'missing' });
      continue;
    }
    const want = placeholdersOf(String(englishText)).join(', ');
    const got = placeholdersOf(text).join(', ');
    if (want !== got) problems.push({ key, problem: `placeholders {${got}} instead of {${want}}` });
    if (options.singlePluralForm && text.includes(pluralSeparator))
      problems.push({ key, problem: 'has plural forms, but this language has one' });
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push({ key, problem: 'not in English' });
  return problems;
}
