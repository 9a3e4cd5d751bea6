import { describe, expect, it } from 'vitest';
import { formatMoneyInput, parseMoney, separatorsOf } from '../src/money-input';

describe('parseMoney follows the household locale', () => {
  it('reads de-DE grouping and decimals', () => {
    expect(parseMoney('3.800,00', 'de-DE')).toBe(380000);
    expect(parseMoney('3800', 'de-DE')).toBe(380000);
    expect(parseMoney('3.800', 'de-DE')).toBe(380000);
    expect(parseMoney('12,5', 'de-DE')).toBe(1250);
    expect(parseMoney('1.234.567,89 €', 'de-DE')).toBe(123456789);
    expect(parseMoney('-4,20', 'de-DE')).toBe(-420);
  });

  it('reads en-US grouping and decimals', () => {
    expect(parseMoney('3,800.00', 'en-US')).toBe(380000);
    expect(parseMoney('$3,800', 'en-US')).toBe(380000);
    expect(parseMoney('12.5', 'en-US')).toBe(1250);
  });

  it('takes the other mark as decimal only when it cannot be a thousands group', () => {
    expect(parseMoney('12.50', 'de-DE')).toBe(1250);
    expect(parseMoney('12,50', 'en-US')).toBe(1250);
  });

  it('reads spaces and apostrophes as groups (fr-FR, de-CH)', () => {
    expect(parseMoney('3\u202f800,00', 'fr-FR')).toBe(380000);
    expect(parseMoney("3'800.00", 'de-CH')).toBe(380000);
  });

  it('refuses what is not an amount', () => {
    expect(parseMoney('', 'de-DE')).toBeNull();
    expect(parseMoney('abc', 'de-DE')).toBeNull();
    expect(parseMoney('3,800.00', 'de-DE')).toBeNull();
    expect(parseMoney('3.800,00', 'en-US')).toBeNull();
    expect(parseMoney('1.2.3', 'de-DE')).toBeNull();
    expect(parseMoney('12,345', 'de-DE')).toBeNull();
  });
});

describe('formatMoneyInput', () => {
  it('shows cents in the locale with two decimals', () => {
    expect(formatMoneyInput(380000, 'de-DE')).toBe('3.800,00');
    expect(formatMoneyInput(380000, 'en-US')).toBe('3,800.00');
    expect(formatMoneyInput(null, 'de-DE')).toBe('');
  });

  it('round-trips through parseMoney', () => {
    for (const locale of ['de-DE', 'en-US', 'en-GB', 'fr-FR', 'de-CH', 'nl-NL']) {
      for (const cents of [0, 5, 1250, 380000, 123456789]) expect(parseMoney(formatMoneyInput(cents, locale), locale)).toBe(cents);
    }
  });

  it('knows the separators from Intl', () => {
    expect(separatorsOf('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(separatorsOf('en-US')).toEqual({ decimal: '.', group: ',' });
  });
});
