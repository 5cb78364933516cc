import polyglotI18nProvider from 'ra-i18n-polyglot';
import { withDomainMessages } from './domain-messages';
import { en, type TranslationMessages } from './en';
import { id } from './id';
import { rememberedLocale, rememberLocale } from './remembered-locale';

/** Every language the UI offers; adding one is a messages file and a line here. */
export const translations: Record<string, { name: string; messages: TranslationMessages }> = {
  en: { name: 'English', messages: withDomainMessages(en, 'en') },
  id: { name: 'Bahasa Indonesia', messages: withDomainMessages(id, 'id') },
};

const polyglot = polyglotI18nProvider(
  (locale) => translations[locale]?.messages ?? translations.en!.messages,
  rememberedLocale(Object.keys(translations)) ?? 'en',
  Object.entries(translations).map(([locale, { name }]) => ({ locale, name })),
);

/**
 * react-admin's own store keeps the choice too, but signing out resets that store; the language is the
 * person's (or the shop's device's), not the session's, so the provider remembers it on its own.
 */
export const i18nProvider = {
  ...polyglot,
  changeLocale: (locale: string) => {
    rememberLocale(locale);
    return polyglot.changeLocale(locale);
  },
};
