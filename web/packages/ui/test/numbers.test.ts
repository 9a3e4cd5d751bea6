import { describe, expect, it } from 'vitest';
import { centsToInput, parseAmountToCents, parseDecimal } from '../src/numbers';

describe('typed numbers', () => {
  it('read decimals with a point or a comma, and nothing else', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 0.25 ')).toBe(0.25);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('  ')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
  });

  it('read typed money in either decimal style as cents', () => {
    expect(parseAmountToCents('12,5')).toBe(1250);
    expect(parseAmountToCents('1.234,56')).toBe(123456);
    expect(parseAmountToCents('1,234.56')).toBe(123456);
    expect(parseAmountToCents('€ 3')).toBe(300);
    expect(parseAmountToCents('1234')).toBe(123400);
    expect(parseAmountToCents('-4.20')).toBe(-420);
    expect(parseAmountToCents('abc')).toBeNull();
    expect(parseAmountToCents('')).toBeNull();
  });

  it('write cents back into a money field', () => {
    expect(centsToInput(1250)).toBe('12.50');
    expect(centsToInput(-420)).toBe('-4.20');
    expect(centsToInput(0)).toBe('');
    expect(centsToInput(null)).toBe('');
  });
});
