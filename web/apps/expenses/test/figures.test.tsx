import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormatProvider } from '@trackstack/ui';
import type { MonthSummary } from '../src/api';
import { Comparison } from '../src/month/Comparison';
import { TankBar } from '../src/month/TankBar';

const plain = (s: string) => s.replace(/<[^>]+>/g, '').replace(/[\u00a0\u202f]/g, ' ');
const de = { locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' };
const render = (node: JSX.Element) => plain(renderToStaticMarkup(<FormatProvider value={de}>{node}</FormatProvider>));

function summary(comparison: Partial<MonthSummary['comparison']>): MonthSummary {
  return {
    month: '2026-12', comparison: { previousAverageSpentCents: 2000, monthsCounted: 3, deltaCents: -1500, deltaPercent: -75, throughDay: 1, spentCents: 500, ...comparison },
  } as MonthSummary;
}

describe('the comparison reads right', () => {
  it('compares a month in progress by the same days, in English with the household figures', () => {
    const text = render(<Comparison data={summary({})} />);
    expect(text).toBe('So far this month (to the 1st) you spent 15,00 € (75 %) less than the average of the previous 3 months by the 1st (20,00 €).');
  });

  it('compares a past month with whole months', () => {
    const text = render(<Comparison data={summary({ throughDay: null, previousAverageSpentCents: 100000, deltaCents: 20000, deltaPercent: 20, monthsCounted: 1 })} />);
    expect(text).toBe('You spent 200,00 € (20 %) more than the average of the previous month (1.000,00 €).');
  });

  it('leaves out a percentage too large to mean anything', () => {
    const text = render(<Comparison data={summary({ previousAverageSpentCents: 100, deltaCents: 1602900, deltaPercent: 1602900, throughDay: 1 })} />);
    expect(text).not.toContain('%');
    expect(text).toContain('16.029,00 € more than');
  });
});

describe('a tank bar', () => {
  const tank = { key: 'fun', name: 'Fun', ratioPercent: 20, budgetCents: 76000, spentCents: 0, remainingCents: 76000, percentUsed: 0, over: false };

  it('rounds every tank amount to whole euros', () => {
    const text = render(<TankBar tank={{ ...tank, spentCents: 12345, remainingCents: 63655 }} withBudget />);
    expect(text).toContain('637 €');
    expect(text).toContain('of 760 €');
    expect(text).not.toContain(',');
  });

  it('says why it shows more left than its budget after a refund', () => {
    const refunded = render(<TankBar tank={{ ...tank, spentCents: -5000, remainingCents: 81000 }} withBudget />);
    expect(refunded).toContain('810 €');
    expect(refunded).toContain('more than budgeted: refunds of 50 €');
    expect(render(<TankBar tank={tank} withBudget />)).not.toContain('refund');
  });
});
