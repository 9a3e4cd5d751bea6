import { describe, expect, it } from 'vitest';
import { readExpensesSummary, readHeatingSummary, expensesMonthPath } from '../src/modules';

describe('module summaries', () => {
  it('read the expenses month summary with tanks as a list or a map', () => {
    const list = readExpensesSummary({ income: 2215, spent: 1000, remaining: 1215, tanks: [{ key: 'fund', name: 'Fund', budget: 1329, spent: 900 }], pendingObligations: [{}, {}] }, '2026-11');
    expect(list).toMatchObject({ month: '2026-11', income: 2215, remaining: 1215, pendingObligations: 2 });
    expect(list.tanks[0]).toEqual({ key: 'fund', name: 'Fund', budget: 1329, spent: 900, remaining: 429, over: false });
    const map = readExpensesSummary({ income: '100', spent: 120, tanks: { fun: { budget: 20, spent: 30 } } }, '2026-11');
    expect(map.remaining).toBe(-20);
    expect(map.tanks[0]).toMatchObject({ key: 'fun', name: 'fun', remaining: -10, over: true });
    expect(readExpensesSummary(null, '2026-01')).toMatchObject({ income: 0, spent: 0, remaining: 0, tanks: [] });
  });

  it('read the heating summary and derive the season comparison', () => {
    expect(readHeatingSummary({ daysSinceLastRefill: 3, daysOfStockLeft: 40, seasonToDate: 110, lastSeasonToDate: 100, unit: 'bags' }))
      .toEqual({ unit: 'bags', daysSinceLastRefill: 3, daysOfStockLeft: 40, stockOnHand: null, seasonToDate: 110, lastSeasonToDate: 100, versusLastSeason: 0.1 });
    expect(readHeatingSummary({ daysSinceRefill: 5, season: { toDate: 50, lastSeasonToDate: 40, deltaPct: -12.5 } }).versusLastSeason).toBe(-0.125);
    expect(readHeatingSummary({})).toMatchObject({ daysSinceLastRefill: null, versusLastSeason: null });
  });

  it('build the summary routes', () => {
    expect(expensesMonthPath('a/b', '2026-11')).toBe('/api/households/a%2Fb/expenses/months/2026-11');
  });
});
