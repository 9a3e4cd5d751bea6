// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SeasonBars, SignatureChart } from '../src/charts';

const fmt = (n: number) => String(Math.round(n * 10) / 10);

describe('SVG charts', () => {
  it('draw bars for both seasons with an accessible title and description', () => {
    const html = renderToStaticMarkup(<SeasonBars title="Bags per month" unit="bags" fmt={fmt}
      data={[{ label: 'Sep', current: 6, last: 4 }, { label: 'Oct', current: 13, last: null }]} />);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const svg = doc.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(doc.querySelector('title')?.textContent).toBe('Bags per month');
    expect(doc.querySelector('desc')?.textContent).toContain('Oct: 13 bags this season, no data last season');
    expect(doc.querySelectorAll('rect.bar-current').length).toBe(2);
    expect(doc.querySelectorAll('rect.bar-last').length).toBe(1);
    // 13 rounds the axis up to 20: the October bar is 13/20 of the plot height.
    const oct = doc.querySelectorAll('rect.bar-current')[1];
    expect(Number(oct.getAttribute('height'))).toBeCloseTo((200 - 28 - 10) * 13 / 20, 5);
  });

  it('draw one dot per interval and the fitted line', () => {
    const html = renderToStaticMarkup(<SignatureChart title="Signature" fmt={fmt} baseload={3} slope={4}
      points={[{ x: 2, y: 11, flagged: false, label: 'a' }, { x: 8, y: 36, flagged: true, label: 'b' }]} />);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('circle.dot').length).toBe(2);
    expect(doc.querySelectorAll('circle.flagged').length).toBe(1);
    expect(doc.querySelector('line.fit')).not.toBeNull();
    expect(doc.querySelector('desc')?.textContent).toContain('3 kWh a day plus 4 kWh per degree day');
  });
});
