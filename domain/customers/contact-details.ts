import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Contact details as channels send them ("06-1234 5678", "+49 151 ...", " Ana@Mail.Example ") turned into
 * the one form we store and match on: phone in E.164 (the customers table CHECKs it), e-mail lower-case.
 */

export type PhoneNormalization = { ok: true; e164: string } | { ok: false; reason: string };

export function isPhoneRegion(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

/**
 * International numbers ("+31 ...", "0031 ...") are read as they are; a national number ("06 1234 5678")
 * is read in `defaultRegion`. A number that does not exist in its country's numbering plan is refused:
 * matching customers on a typo would merge strangers.
 */
export function normalizePhone(raw: string, defaultRegion: CountryCode | undefined): PhoneNormalization {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultRegion);
  if (parsed === undefined)
    return { ok: false, reason: defaultRegion === undefined ? 'not an international number' : 'not a phone number' };
  if (!parsed.isValid()) return { ok: false, reason: `not a valid ${parsed.country ?? `+${parsed.countryCallingCode}`} number` };
  return { ok: true, e164: parsed.number };
}

/** E-mail addresses are matched case-insensitively: the whole address is stored lower-case (CHECK). */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
