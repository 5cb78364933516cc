import { useLocaleState, useTranslate } from 'react-admin';
import { type ConflictMessageKey, conflictMessages } from './conflict-messages';

/** Translates the lazy screens' own keys (conflict-messages.ts) in the chosen language, English when it has none. */
export function useScreenMessages() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const messages = locale === 'id' ? conflictMessages.id : conflictMessages.en;
  return (key: ConflictMessageKey, options: Record<string, unknown> = {}): string =>
    translate(key, { ...options, _: messages[key] ?? conflictMessages.en[key] });
}
