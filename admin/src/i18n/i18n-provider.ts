import polyglotI18nProvider from 'ra-i18n-polyglot';
import { withDomainMessages } from './domain-messages';
import { en, type TranslationMessages } from './en';

/** Every language the UI offers; adding one is a messages file and a line here. */
const translations: Record<string, { name: string; messages: TranslationMessages }> = {
  en: { name: 'English', messages: withDomainMessages(en, 'en') },
};

export const i18nProvider = polyglotI18nProvider(
  (locale) => translations[locale]?.messages ?? en,
  'en',
  Object.entries(translations).map(([locale, { name }]) => ({ locale, name })),
);
