// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FormatProvider } from '@trackstack/ui';
import { BarChart, LineChart } from '../src';
import { cleanup, render, settle } from '../../ui/test/render';

afterEach(cleanup);

const berlin = { locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' };

describe('the charts for screen readers', () => {
  it('name the figure, sum it up in the household number format and list the data in a table by local date', async () => {
    const el = await render(
      <FormatProvider value={berlin}>
        <LineChart title="Spent" bucket="day" target={2300} series={[{ name: 'Spent', points: [
          { t: '2026-11-30T00:00:00+01:00', value: 1234.5 }, { t: '2026-11-29T00:00:00+01:00', value: 10 },
        ] }]} />
      </FormatProvider>,
    );
    await settle();
    const figure = el.querySelector('figure')!;
    expect(figure.getAttribute('data-chart')).toBe('line');
    const label = document.getElementById(figure.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).toBe('Spent');
    const summary = document.getElementById(figure.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toBe('Spent: 2 values, total 1.244,5, from 10 to 1.234,5, last 1.234,5. Target 2.300.');
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([['29.11.2026', '10'], ['30.11.2026', '1.234,5']]);
    expect(el.querySelector('.ts-chart-legend')!.textContent).toContain('2.300');
  });

  it('show the raw value of each stacked series in the table, not the running total', async () => {
    const el = await render(
      <BarChart title="By tank" bucket="month" series={[
        { name: 'Food', points: [{ t: '2026-11-01T00:00:00+01:00', value: 100 }] },
        { name: 'Fuel', points: [{ t: '2026-11-01T00:00:00+01:00', value: 40 }] },
      ]} formatValue={(n) => `${n} €`} />,
    );
    await settle();
    expect([...el.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(['Time', 'Food', 'Fuel']);
    expect([...el.querySelectorAll('tbody td')].map((c) => c.textContent)).toEqual(['100 €', '40 €']);
  });

  it('say that there is no data instead of drawing an empty chart', async () => {
    const el = await render(<LineChart title="Nothing" series={[{ name: 'x', points: [] }]} />);
    await settle();
    expect(el.querySelector('[data-empty]')!.textContent).toBe('No data in this range.');
    expect(el.querySelector('table')).toBeNull();
  });
});
