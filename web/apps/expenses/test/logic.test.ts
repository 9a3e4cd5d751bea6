import { describe, expect, it } from 'vitest';
import { allocationCheck, categoryOptions, centsToDigits, digitsToCents, keypadPress, parseTags, recentPayees, shiftMonth, tankBudgets } from '../src/logic';

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

describe('months, payees, tags, categories', () => {
  it('shift months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
  it('keep distinct recent payees, newest first', () => {
    const r = recentPayees([{ title: 'Bakery', categoryId: 'a' }, { title: 'bakery ', categoryId: 'b' }, { title: 'Shell', categoryId: null }, { title: ' ', categoryId: null }]);
    expect(r).toEqual([{ title: 'Bakery', categoryId: 'a' }, { title: 'Shell', categoryId: null }]);
  });
  it('split tags', () => {
    expect(parseTags('groceries, Weekly ,GROCERIES,')).toEqual(['groceries', 'Weekly']);
  });
  it('offer categories as "Tank · Category" after a first choice', () => {
    const settings = { tanks: [{ name: 'Fun', categories: [{ id: 'c1', name: 'Cinema' }] }, { name: 'Fund', categories: [{ id: 'c2', name: 'Rent' }] }] } as never;
    expect(categoryOptions(settings, { value: '', label: 'All' })).toEqual([{ value: '', label: 'All' }, { value: 'c1', label: 'Fun · Cinema' }, { value: 'c2', label: 'Fund · Rent' }]);
    expect(categoryOptions(null, { value: '', label: 'All' })).toEqual([{ value: '', label: 'All' }]);
  });
});

describe('entry sort in the query', () => {
  it('sends sort and desc for a column, and nothing for the default newest first', async () => {
    const { entryQuery } = await import('../src/logic');
    expect(entryQuery({ sort: 'amount', desc: false })).toMatchObject({ sort: 'amount', desc: false });
    expect(entryQuery({ sort: 'date', desc: true })).toMatchObject({ sort: undefined, desc: undefined });
    expect(entryQuery({ sort: 'date', desc: false })).toMatchObject({ sort: undefined, desc: false });
  });
});
