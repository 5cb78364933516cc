import { formatCount, formatDateTime, formatDuration, formatMoney, formatShare, intlLocaleOf } from './locale-format';

/** Intl separates a currency symbol with a no-break space; people (and these tests) read a space. */
const spaced = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('locale formatting', () => {
  const instant = '2026-12-02T17:05:00.000Z';

  it("writes the time in the store's zone, day before month, 24-hour clock", () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Amsterdam' })).toBe('2 Dec 2026, 18:05');
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Lisbon' })).toBe('2 Dec 2026, 17:05');
  });

  it('writes Indonesian dates in id-ID in the store zone (WIB, WITA)', () => {
    expect(formatDateTime(instant, { locale: 'id-ID', timeZone: 'Asia/Jakarta' })).toBe('3 Des 2026, 00.05');
    expect(formatDateTime(instant, { locale: 'id-ID', timeZone: 'Asia/Makassar' })).toBe('3 Des 2026, 01.05');
  });

  it('can leave the time out, and keeps what is not a date', () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Berlin', dateOnly: true })).toBe('2 Dec 2026');
    expect(formatDateTime('soon', { locale: 'en-GB' })).toBe('soon');
  });

  it('maps the UI language to its Intl locale', () => {
    expect(intlLocaleOf('id')).toBe('id-ID');
    expect(intlLocaleOf('en')).toBe('en-GB');
    expect(intlLocaleOf('en', 'en-IE')).toBe('en-IE');
  });

  it('writes numbers, shares and durations the Indonesian way', () => {
    expect(formatCount(1234567, 'id-ID')).toBe('1.234.567');
    expect(formatCount(1234567, 'en-GB')).toBe('1,234,567');
    expect(formatShare(0.125, 'id-ID')).toBe('12,5%');
    expect(formatShare(null, 'id-ID')).toBe('–');
    expect(formatDuration(5400, 'id-ID')).toBe('1,5 jam');
    expect(formatDuration(2520, 'id-ID')).toBe('42 menit');
    expect(formatDuration(2520, 'en-GB')).toBe('42 mins');
  });

  it('writes money from ISO 4217 minor units with the customary decimals', () => {
    expect(spaced(formatMoney(15_000_000, 'IDR', 'id-ID'))).toBe('Rp 150.000');
    expect(spaced(formatMoney(15_000_050, 'IDR', 'id-ID'))).toBe('Rp 150.001');
    expect(spaced(formatMoney(1_500, 'JPY', 'id-ID'))).toBe('JP¥1.500');
    expect(spaced(formatMoney(1_500, 'JPY', 'en-GB'))).toBe('JP¥1,500');
    expect(spaced(formatMoney(1_250, 'KWD', 'en-GB'))).toBe('KWD 1.250');
    expect(spaced(formatMoney(2_749, 'EUR', 'en-GB'))).toBe('€27.49');
    expect(spaced(formatMoney(2_749, 'EUR', 'id-ID'))).toBe('€27,49');
  });

  it('refuses a currency without an ISO 4217 minor unit', () => {
    expect(() => formatMoney(100, 'XXX', 'en-GB')).toThrow(RangeError);
  });
});
