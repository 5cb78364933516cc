import { isPhoneRegion, normalizeEmail, normalizePhone } from './contact-details';

describe('normalizePhone', () => {
  it('writes international numbers in E.164 whatever their spacing or prefix', () => {
    expect(normalizePhone('+31 6 1234 5678', undefined)).toEqual({ ok: true, e164: '+31612345678' });
    expect(normalizePhone(' +49 (151) 2345-6789 ', 'NL')).toEqual({ ok: true, e164: '+4915123456789' });
    expect(normalizePhone('0031 6 12345678', 'NL')).toEqual({ ok: true, e164: '+31612345678' });
  });

  it('reads a national number in the default region', () => {
    expect(normalizePhone('06-1234 5678', 'NL')).toEqual({ ok: true, e164: '+31612345678' });
    expect(normalizePhone('0151 23456789', 'DE')).toEqual({ ok: true, e164: '+4915123456789' });
  });

  it('refuses what is not a real number rather than matching customers on it', () => {
    expect(normalizePhone('06-1234 5678', undefined)).toMatchObject({ ok: false });
    expect(normalizePhone('call me', 'NL')).toMatchObject({ ok: false });
    expect(normalizePhone('+31 6 12', 'NL')).toMatchObject({ ok: false });
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims so the same address always matches', () => {
    expect(normalizeEmail('  Ana.Silva@Mail.Example ')).toBe('ana.silva@mail.example');
  });
});

describe('isPhoneRegion', () => {
  it('knows ISO country codes and nothing else', () => {
    expect(isPhoneRegion('PT')).toBe(true);
    expect(isPhoneRegion('XX')).toBe(false);
  });
});
