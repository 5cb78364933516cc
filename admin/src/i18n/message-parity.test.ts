import { domainMessages } from './domain-messages';
import { en } from './en';
import { translations } from './i18n-provider';
import { id } from './id';
import { parityProblems, placeholdersOf } from './message-parity';

const indonesian = { singlePluralForm: true };

describe('Bahasa Indonesia has every English label', () => {
  it('covers every key of en.ts, react-admin’s ra.* included, with the same placeholders', () => {
    expect(parityProblems(en, id, indonesian)).toEqual([]);
  });

  it('covers every domain’s registered messages (returns, promotions, outages, ...)', () => {
    const problems = domainMessages.flatMap((domain, index) =>
      parityProblems(domain.en, domain.id, indonesian).map((problem) => ({ domain: index, ...problem })),
    );
    expect(problems).toEqual([]);
  });

  it('offers the merged English and Indonesian trees with the same keys', () => {
    expect(parityProblems(translations.en!.messages, translations.id!.messages, indonesian)).toEqual([]);
    expect(translations.id!.messages.ra.action.search).toBe('Cari');
  });
});

describe('the parity check itself', () => {
  it('names a missing key, a wrong placeholder, an extra key and a plural form', () => {
    const english = { a: { b: 'Hello %{name}', c: 'One |||| %{smart_count} things' }, d: 'x' };
    const translated = { a: { b: 'Halo %{nama}', c: 'Satu |||| %{smart_count} barang' }, e: 'y' };
    expect(parityProblems(english, translated, indonesian)).toEqual([
      { key: 'a.b', problem: 'placeholders {nama} instead of {name}' },
      { key: 'a.c', problem: 'has plural forms, but this language has one' },
      { key: 'd', problem: 'missing' },
      { key: 'e', problem: 'not in English' },
    ]);
  });

  it('reads placeholders across plural forms', () => {
    expect(placeholdersOf('Delete %{name} |||| Delete %{smart_count} %{name}')).toEqual(['name', 'smart_count']);
  });
});
