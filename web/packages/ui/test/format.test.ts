import { describe, expect, it } from 'vitest';
import { formatDate, formatDays, formatMoney, formatPercent, monthKey, monthLabel, todayIn } from '../src/format';

// Intl output uses narrow no-break spaces in places; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting with the household locale and currency', () => {
  it('formats money', () => {
    expect(plain(formatMoney(1234.5, { locale: 'de-DE', currency: 'EUR' }))).toBe('1.234,50 €');
    expect(formatMoney(1234.5, { locale: 'en-US', currency: 'USD' })).toBe('$1,234.50');
    expect(plain(formatMoney(-12, { locale: 'fr-BE', currency: 'EUR' }))).toBe('-12,00 €');
    expect(plain(formatMoney(2215, { locale: 'de-DE', currency: 'EUR' }, { compact: true }))).toBe('2.215 €');
    expect(formatMoney(12.3, { locale: 'en-GB', currency: 'GBP' }, { compact: true })).toBe('£12.30');
  });

  it('falls back instead of failing on a bad locale or currency', () => {
    expect(formatMoney(5, { locale: 'xx-invalid-!!', currency: 'EUR' })).toContain('5');
    expect(formatMoney(5, { locale: 'en-GB', currency: 'NOPE1' })).toContain('5');
  });

  it('formats percentages, days and dates', () => {
    expect(formatPercent(0.123, 'en-GB', { signed: true })).toBe('+12%');
    expect(plain(formatPercent(-0.05, 'de-DE', { signed: true }))).toBe('-5 %');
    expect(formatDays(3, 'en-GB')).toBe('3 days');
    expect(formatDays(1, 'de-DE')).toBe('1 day'); // the word is the UI language's (English), not the household's
    expect(formatDate('2026-11-30T23:30:00Z', { locale: 'en-GB', timeZone: 'Europe/Brussels' })).toBe('1 Dec 2026');
    expect(formatDate('2026-11-30T23:30:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('30 Nov 2026');
    expect(formatDate('nonsense', { locale: 'en-GB', timeZone: 'UTC' })).toBe('');
  });

  it('finds the current month in the household time zone', () => {
    const lateNovemberUtc = new Date('2026-11-30T23:30:00Z');
    expect(monthKey(lateNovemberUtc, 'UTC')).toBe('2026-11');
    expect(monthKey(lateNovemberUtc, 'Europe/Brussels')).toBe('2026-12');
    expect(monthKey(lateNovemberUtc, 'America/New_York')).toBe('2026-11');
    expect(monthLabel('2026-11', 'en-GB')).toBe('November 2026');
    expect(monthLabel('2026-03', 'de-DE')).toBe('März 2026');
  });

  it('finds today in the household time zone', () => {
    expect(todayIn('Pacific/Auckland', new Date('2026-11-30T12:00:00Z'))).toBe('2026-12-01');
    expect(todayIn('America/New_York', new Date('2026-12-01T03:00:00Z'))).toBe('2026-11-30');
    expect(todayIn('UTC', new Date('2026-02-03T23:59:59Z'))).toBe('2026-02-03');
    expect(todayIn('', new Date('2026-02-03T23:59:59Z'))).toBe('2026-02-03');
  });
});
