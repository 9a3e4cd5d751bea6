import { describe, expect, it } from 'vitest';
import { allocationCheck, centsToDigits, digitsToCents, filtersToQuery, keypadPress, parseAmountToCents, parseTags, recentPayees, shiftMonth, tankBudgets, todayIn } from '../src/logic';

describe('amount keypad', () => {
  it('types cents first: 1, 2, 5, 0 is 12.50', () => {
    let d = '';
    for (const k of ['1', '2', '5', '0']) d = keypadPress(d, k);
    expect(d).toBe('1250');
    expect(digitsToCents(d)).toBe(1250);
    expect(keypadPress(d, 'back')).toBe('125');
    expect(keypadPress(d, 'clear')).toBe('');
    expect(keypadPress('', '0')).toBe('');
    expect(keypadPress('12', '00')).toBe('1200');
    expect(keypadPress('123456789', '1')).toBe('123456789');
    expect(keypadPress('12', 'x')).toBe('12');
    expect(centsToDigits(1250)).toBe('1250');
    expect(centsToDigits(0)).toBe('');
  });

  it('parses typed amounts in either decimal style', () => {
    expect(parseAmountToCents('12,5')).toBe(1250);
    expect(parseAmountToCents('1.234,56')).toBe(123456);
    expect(parseAmountToCents('1,234.56')).toBe(123456);
    expect(parseAmountToCents('€ 3')).toBe(300);
    expect(parseAmountToCents('1234')).toBe(123400);
    expect(parseAmountToCents('-4.20')).toBe(-420);
    expect(parseAmountToCents('abc')).toBeNull();
    expect(parseAmountToCents('')).toBeNull();
  });
});

describe('allocation check', () => {
  const t = (...r: number[]) => r.map((ratioPercent, i) => ({ key: `k${i}`, name: `T${i}`, ratioPercent }));
  it('says complete, unassigned or over', () => {
    expect(allocationCheck(t(60, 20, 20))).toMatchObject({ status: 'complete', totalPercent: 100, unassignedPercent: 0 });
    expect(allocationCheck(t(60, 20, 10))).toMatchObject({ status: 'unassigned', unassignedPercent: 10 });
    expect(allocationCheck(t(60, 30, 20))).toMatchObject({ status: 'over', totalPercent: 110, unassignedPercent: 0 });
    expect(allocationCheck(t(33.33, 33.33, 33.34)).status).toBe('complete');
    expect(allocationCheck(t(-5, 105)).invalid).toEqual(['k0']);
  });
  it('splits the income into tank budgets', () => {
    expect(tankBudgets(221500, t(60, 20, 20))).toEqual({ k0: 132900, k1: 44300, k2: 44300 });
  });
});

describe('entry filters', () => {
  it('become a query string without empty values', () => {
    expect(filtersToQuery({ month: '2026-11', tank: 'fun', q: ' coffee ', tag: '', page: 1, pageSize: 20 })).toBe('?month=2026-11&tank=fun&q=coffee&pageSize=20');
    expect(filtersToQuery({ categoryId: 'none', page: 3 })).toBe('?categoryId=none&page=3');
    expect(filtersToQuery({})).toBe('');
    expect(filtersToQuery({ q: 'a&b' })).toBe('?q=a%26b');
  });
});

describe('months, days, payees, tags', () => {
  it('shift months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
  it('take today in the household time zone', () => {
    expect(todayIn('Pacific/Auckland', new Date('2026-11-30T12:00:00Z'))).toBe('2026-12-01');
    expect(todayIn('America/New_York', new Date('2026-12-01T03:00:00Z'))).toBe('2026-11-30');
  });
  it('keep distinct recent payees, newest first', () => {
    const r = recentPayees([{ title: 'Bakery', categoryId: 'a' }, { title: 'bakery ', categoryId: 'b' }, { title: 'Shell', categoryId: null }, { title: ' ', categoryId: null }]);
    expect(r).toEqual([{ title: 'Bakery', categoryId: 'a' }, { title: 'Shell', categoryId: null }]);
  });
  it('split tags', () => {
    expect(parseTags('groceries, Weekly ,GROCERIES,')).toEqual(['groceries', 'Weekly']);
  });
});
