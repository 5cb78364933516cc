import { readFileSync } from 'node:fs';
import path from 'node:path';
import { searchAttributes } from './search-attributes';

/** The JSON file spells types as the CLI does (`Keyword`), the SDK as `KEYWORD`. */
const cliTypeOf = (type: string) => type.charAt(0) + type.slice(1).toLowerCase();

test('the typed search attributes are exactly those the bootstrap registers (domain/search-attributes.json)', () => {
  const { attributes } = JSON.parse(readFileSync(path.join(__dirname, '..', 'search-attributes.json'), 'utf8')) as {
    attributes: { name: string; type: string }[];
  };
  const typed = Object.values(searchAttributes).map((key) => ({ name: key.name, type: cliTypeOf(key.type) }));
  expect(typed.sort((a, b) => a.name.localeCompare(b.name))).toEqual([...attributes].sort((a, b) => a.name.localeCompare(b.name)));
});
