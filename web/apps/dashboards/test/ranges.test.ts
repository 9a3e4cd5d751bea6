import { describe, expect, it } from 'vitest';
import { addMonths, householdToday, previousRange, resolveRange, RANGES } from '../src/ranges';

describe('relative ranges as local dates (to excluded)', () => {
  const today = '2026-12-02'; // a Wednesday

  it.each([
    ['today', '2026-12-02', '2026-12-03'],
    ['last-7-days', '2026-11-26', '2026-12-03'],
    ['last-30-days', '2026-11-03', '2026-12-03'],
    ['last-90-days', '2026-09-04', '2026-12-03'],
    ['last-12-months', '2026-01-01', '2026-12-03'],
    ['this-week', '2026-11-30', '2026-12-03'],
    ['this-month', '2026-12-01', '2026-12-03'],
    ['last-month', '2026-11-01', '2026-12-01'],
    ['this-year', '2026-01-01', '2026-12-03'],
    ['this-season', '2026-07-01', '2026-12-03'],
  ] as const)('%s → %s to %s', (range, from, to) => {
    expect(resolveRange(range, today)).toEqual({ from, to });
  });

  it('starts the week on Monday, also on a Sunday and on a Monday', () => {
    expect(resolveRange('this-week', '2026-12-06').from).toBe('2026-11-30');
    expect(resolveRange('this-week', '2026-11-30').from).toBe('2026-11-30');
  });

  it('starts the heating season on 1 July of the year before in the first half of a year', () => {
    expect(resolveRange('this-season', '2027-03-15')).toEqual({ from: '2026-07-01', to: '2027-03-16' });
    expect(resolveRange('this-season', '2026-07-01').from).toBe('2026-07-01');
    expect(resolveRange('this-season', '2026-06-30').from).toBe('2025-07-01');
  });

  it('crosses year ends and leap days', () => {
    expect(resolveRange('last-month', '2027-01-10')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(resolveRange('last-7-days', '2028-03-01')).toEqual({ from: '2028-02-24', to: '2028-03-02' });
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
  });

  it('resolves every range the editor offers', () => {
    for (const r of RANGES) {
      const span = resolveRange(r, today);
      expect(span.from < span.to, r).toBe(true);
    }
  });
});

describe('the period a number compares with', () => {
  const today = '2026-12-02';

  it('is the same number of days just before for rolling ranges', () => {
    expect(previousRange('last-7-days', today)).toEqual({ from: '2026-11-19', to: '2026-11-26' });
    expect(previousRange('today', today)).toEqual({ from: '2026-12-01', to: '2026-12-02' });
    expect(previousRange('last-30-days', today)).toEqual({ from: '2026-10-04', to: '2026-11-03' });
  });

  it('is the same stretch of the month, week, year or season before for calendar ranges so far', () => {
    expect(previousRange('this-month', today)).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(previousRange('this-week', today)).toEqual({ from: '2026-11-23', to: '2026-11-26' });
    expect(previousRange('this-year', today)).toEqual({ from: '2025-01-01', to: '2025-12-03' });
    expect(previousRange('this-season', today)).toEqual({ from: '2025-07-01', to: '2025-12-03' });
    expect(previousRange('last-12-months', today)).toEqual({ from: '2025-01-01', to: '2026-01-01' });
  });

  it('is the whole month before for last month, and ends with February for 31 March so far', () => {
    expect(previousRange('last-month', today)).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(previousRange('this-month', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
  });
});

describe('today in the household time zone', () => {
  it('is the local date of the injected clock, not the UTC one', () => {
    const now = () => new Date('2026-12-01T23:30:00Z');
    expect(householdToday('Europe/Zurich', now)).toBe('2026-12-02');
    expect(householdToday('America/New_York', now)).toBe('2026-12-01');
  });
});
