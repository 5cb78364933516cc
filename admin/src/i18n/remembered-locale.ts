/** The language chosen in the app bar, kept in localStorage across sign-outs and reloads. */
const storageKey = 'omni.locale';

export function rememberedLocale(offered: string[]): string | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey) ?? undefined;
    return stored !== undefined && offered.includes(stored) ? stored : undefined;
  } catch {
    // Storage may be switched off (private mode); the UI then starts in English every time.
    return undefined;
  }
}

export function rememberLocale(locale: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // See above: nothing to remember it in.
  }
}
