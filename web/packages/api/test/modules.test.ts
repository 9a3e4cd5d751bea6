import { describe, expect, it } from 'vitest';
import { readExpensesSummary, readHeatingSummary, expensesMonthPath, toNumber, fromCents } from '../src/modules';

describe('module summaries (generated shapes)', () => {
  it('read the expenses month summary in currency units', () => {
    const s = readExpensesSummary({
      month: '2026-11', status: 'open', currency: 'EUR', incomeCents: 221500, spentCents: 100000, remainingCents: 121500, percentSpent: 45,
      uncategorisedCents: 0, categories: [],
      tanks: [{ key: 'fund', name: 'Fund', ratioPercent: 60, budgetCents: 132900, spentCents: 90000, remainingCents: 42900, percentUsed: 67, over: false }],
      pendingObligations: { count: 2, amountCents: 1000, items: [] },
      comparison: { previousAverageSpentCents: null, monthsCounted: 0, deltaCents: null, deltaPercent: null },
    }, '2026-11');
    expect(s).toMatchObject({ month: '2026-11', income: 2215, spent: 1000, remaining: 1215, pendingObligations: 2, currency: 'EUR' });
    expect(s.tanks[0]).toEqual({ key: 'fund', name: 'Fund', budget: 1329, spent: 900, remaining: 429, over: false });
    expect(readExpensesSummary(null, '2026-01')).toMatchObject({ month: '2026-01', income: 0, spent: 0, remaining: 0, tanks: [], pendingObligations: null });
  });

  it('read the heating summary and its season comparison', () => {
    const h = readHeatingSummary({
      fuel: 'woodPellets', unit: 'bag', unitLabel: 'bags', today: '2026-11-21', seasonLabel: '2026/27',
      seasonToDate: { from: '2026-09-01', to: '2026-11-21', units: 110, kwh: 0 }, lastSeasonSameDate: { from: '', to: '', units: 100, kwh: 0 },
      deltaUnits: 10, deltaPct: null, lastRefillDate: null, daysSinceLastRefill: 3, stockOnHand: 12, daysOfStockLeft: 40, runOutDate: '2026-12-31',
      kwhPerDegreeDay: 4.2, rSquared: 0.91,
    });
    expect(h).toMatchObject({ unit: 'bags', daysSinceLastRefill: 3, daysOfStockLeft: 40, stockOnHand: 12, seasonToDate: 110, lastSeasonToDate: 100, versusLastSeason: 0.1, rSquared: 0.91 });
    expect(readHeatingSummary({ deltaPct: -12.5 } as never).versusLastSeason).toBe(-0.125);
    expect(readHeatingSummary(null)).toMatchObject({ daysSinceLastRefill: null, versusLastSeason: null });
  });

  it('turn wire numbers into numbers, never NaN', () => {
    expect(toNumber('12.5')).toBe(12.5);
    expect(toNumber('x')).toBeNull();
    expect(toNumber(null)).toBeNull();
    expect(fromCents('1234')).toBe(12.34);
    expect(fromCents(undefined)).toBe(0);
  });

  it('build the summary routes', () => {
    expect(expensesMonthPath('a/b', '2026-11')).toBe('/api/households/a%2Fb/expenses/months/2026-11');
  });
});
