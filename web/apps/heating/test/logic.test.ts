import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fitLine, fitQuality, intervalPoints, niceMax, periodRange, scale, shortMonth, ticks, unitWord } from '../src/logic';

describe('chart scaling', () => {
  it('rounds the axis up to a nice number', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(240)).toBe(250);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });
  it('spaces ticks evenly from zero', () => {
    expect(ticks(13)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('maps values onto pixels, y axes upside down', () => {
    const x = scale(20, 40, 340);
    expect(x(0)).toBe(40);
    expect(x(10)).toBe(190);
    const y = scale(20, 200, 0);
    expect(y(20)).toBe(0);
    expect(y(5)).toBe(150);
    expect(scale(0, 0, 100)(0)).toBe(0);
  });
});

describe('analysis figures', () => {
  it('turns refill intervals into daily points, leaving out excluded ones', () => {
    const pts = intervalPoints([
      { start: '2026-10-01', end: '2026-10-11', days: 10, energyKwh: 144, degreeDays: 80, included: true, flagged: false },
      { start: '2026-10-11', end: '2026-10-15', days: 4, energyKwh: 72, degreeDays: null, included: false, flagged: false },
    ]);
    expect(pts).toEqual([{ x: 8, y: 14.4, flagged: false, label: '2026-10-01 – 2026-10-11' }]);
  });
  it('draws the fitted line from the baseload', () => {
    expect(fitLine(3, 1.5, 10)).toEqual([{ x: 0, y: 3 }, { x: 10, y: 18 }]);
  });
  it('says R² in words', () => {
    expect(fitQuality(0.95)).toBe('very well');
    expect(fitQuality(0.8)).toBe('well');
    expect(fitQuality(0.2)).toMatch(/poorly/);
    expect(fitQuality(null)).toMatch(/not enough/);
  });
  it('names units and months', () => {
    expect(unitWord('bag (15 kg)', 2)).toBe('bags');
    expect(unitWord('bag', 1)).toBe('bag');
    expect(unitWord('kWh', 5)).toBe('kWh');
    expect(unitWord('m3', 5)).toBe('m³');
    expect(shortMonth('2026-11', 'en-GB')).toBe('Nov');
    expect(daysBetween('2026-11-01', '2026-11-21')).toBe(20);
  });
  it('pluralises by the count and names months in English for any household locale', () => {
    expect(unitWord('bag (15 kg)', 1)).toBe('bag');
    expect(unitWord('litre', 66)).toBe('litres');
    expect(unitWord('stere', 1.5)).toBe('steres');
    expect(unitWord('crate', 2)).toBe('crates');
    expect(shortMonth('2026-03', 'de-DE')).toBe('Mar');
  });
  it('turns the period choice into dates', () => {
    const sept = { month: 9, day: 1 };
    expect(periodRange('season', '2026-12-02', sept)).toEqual({ from: '2026-09-01', to: '2026-12-02' });
    expect(periodRange('season', '2026-03-15', sept)).toEqual({ from: '2025-09-01', to: '2026-03-15' });
    expect(periodRange('year', '2026-12-02', sept)).toEqual({ from: '2025-12-03', to: '2026-12-02' });
    expect(periodRange('custom', '2026-12-02', sept, { from: '2026-01-01', to: '2026-02-01' })).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(periodRange('custom', '2026-12-02', sept, { from: '2026-03-01', to: '2026-02-01' })).toBeNull();
    expect(periodRange('custom', '2026-12-02', sept, { from: '2026-03-01' })).toBeNull();
    expect(periodRange('all', '2026-12-02', sept)).toBeNull();
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
