import { describe, expect, it } from 'vitest';
import { countOf, ordinal, plural, uiMonthLabel, unitForms, units } from '../src/strings';
import { formatDays } from '../src/format';

describe('UI strings', () => {
  it('pluralises units by Intl.PluralRules', () => {
    expect(countOf(66, units.bag, 'en-GB')).toBe('66 bags');
    expect(countOf(1, units.bag, 'en-GB')).toBe('1 bag');
    expect(countOf(0, units.refill, 'en-GB')).toBe('0 refills');
    expect(plural(1, unitForms('litre'))).toBe('litre');
    expect(plural(1.5, unitForms('litre'))).toBe('litres');
  });

  it('formats the number in the household locale and the word in English', () => {
    expect(countOf(1066.5, units.bag, 'de-DE')).toBe('1.066,5 bags');
    expect(formatDays(3, 'de-DE')).toBe('3 days');
    expect(formatDays(1, 'de-DE')).toBe('1 day');
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']);
  });

  it('names months in the UI language whatever the household locale', () => {
    expect(uiMonthLabel('2026-12')).toBe('December 2026');
    expect(uiMonthLabel('2026-03', { year: false })).toBe('March');
  });
});
