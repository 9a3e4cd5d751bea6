import { describe, expect, it } from 'vitest';
import { align, axisTimeOptions, bucketTicks, hasData, loneValue, seriesStats, stack, tableRows, timeOf, valueRange, type ChartSeries } from '../src/shape';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00+01:00`;
const sec = (d: number) => Date.parse(day(d)) / 1000;

describe('align', () => {
  it('puts the series on one time axis in seconds, oldest first, null where a series has no point', () => {
    const series: ChartSeries[] = [
      { name: 'a', points: [{ t: day(3), value: 3 }, { t: day(1), value: 1 }] },
      { name: 'b', points: [{ t: day(2), value: 20 }, { t: day(3), value: 30 }] },
    ];
    expect(align(series)).toEqual([[sec(1), sec(2), sec(3)], [1, null, 3], [null, 20, 30]]);
  });

  it('accepts milliseconds and Dates, adds up twice the same time and leaves out what is not a number or a time', () => {
    const ms = Date.parse(day(5));
    const series: ChartSeries[] = [{ name: 'a', points: [
      { t: ms, value: 2 }, { t: new Date(ms), value: 3 }, { t: 'not a time', value: 9 }, { t: day(6), value: Number.NaN }, { t: day(7), value: Infinity },
    ] }];
    expect(align(series)).toEqual([[ms / 1000], [5]]);
  });

  it('gives an empty axis for no series or no points', () => {
    expect(align([])).toEqual([[]]);
    expect(align([{ name: 'a', points: [] }])).toEqual([[], []]);
  });
});

describe('stack', () => {
  it('turns the columns into running totals, a missing value counting as nothing', () => {
    const data = align([
      { name: 'food', points: [{ t: day(1), value: 10 }, { t: day(2), value: 5 }] },
      { name: 'fuel', points: [{ t: day(1), value: 40 }, { t: day(3), value: 7 }] },
      { name: 'fun', points: [{ t: day(2), value: 1 }] },
    ]);
    expect(stack(data)).toEqual([[sec(1), sec(2), sec(3)], [10, 5, null], [50, 5, 7], [50, 6, 7]]);
  });

  it('keeps negative values in the sum', () => {
    const data = align([{ name: 'a', points: [{ t: day(1), value: 10 }] }, { name: 'b', points: [{ t: day(1), value: -4 }] }]);
    expect(stack(data)[2]).toEqual([6]);
  });
});

describe('valueRange', () => {
  it('starts at zero and leaves head room above the highest value', () => {
    const [min, max] = valueRange(align([{ name: 'a', points: [{ t: day(1), value: 50 }, { t: day(2), value: 100 }] }]));
    expect(min).toBe(0);
    expect(max).toBeCloseTo(108);
  });

  it('reaches the target when it is above the data, and goes below zero for negative values', () => {
    const data = align([{ name: 'a', points: [{ t: day(1), value: -10 }, { t: day(2), value: 90 }] }]);
    const [min, max] = valueRange(data, 2300);
    expect(max).toBeGreaterThan(2300);
    expect(min).toBeLessThan(-10);
  });

  it('fits a line to its data when asked, so a body weight near 80 kg is not a flat line at the top', () => {
    const data = align([{ name: 'kg', points: [{ t: day(1), value: 80 }, { t: day(2), value: 79 }, { t: day(3), value: 81 }] }]);
    const [min, max] = valueRange(data, null, false);
    expect(min).toBeCloseTo(78.84);
    expect(max).toBeCloseTo(81.16);
    expect(valueRange(align([{ name: 'kg', points: [{ t: day(1), value: 80 }] }]), null, false)).toEqual([79, 81]);
  });

  it('gives a range of one for no data or a flat zero', () => {
    expect(valueRange(align([]))).toEqual([0, 1]);
    expect(valueRange(align([{ name: 'a', points: [{ t: day(1), value: 0 }] }]))).toEqual([0, 1]);
  });
});

describe('the data for screen readers', () => {
  const series: ChartSeries[] = [
    { name: 'a', points: [{ t: day(2), value: 4 }, { t: day(1), value: 6 }, { t: day(3), value: 2 }] },
    { name: 'b', points: [{ t: day(2), value: 1 }] },
  ];

  it('has a row per time with a value or null per series', () => {
    expect(tableRows(series)).toEqual([
      { time: Date.parse(day(1)), values: [6, null] },
      { time: Date.parse(day(2)), values: [4, 1] },
      { time: Date.parse(day(3)), values: [2, null] },
    ]);
  });

  it('sums up a series: count, total, lowest, highest and the last by time', () => {
    expect(seriesStats(series[0])).toEqual({ count: 3, total: 12, min: 2, max: 6, last: 2 });
    expect(seriesStats({ name: 'none', points: [] })).toBeNull();
  });

  it('knows when there is nothing to draw', () => {
    expect(hasData(series)).toBe(true);
    expect(hasData([{ name: 'a', points: [{ t: 'x', value: 1 }] }])).toBe(false);
  });
});

describe('time labels', () => {
  it('reads ISO instants with their offset', () => {
    expect(timeOf('2026-11-30T00:00:00+01:00')).toBe(Date.UTC(2026, 10, 29, 23));
  });

  it('labels the axis by bucket, in the household time zone', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    const fmt = (bucket: Parameters<typeof axisTimeOptions>[0]) => new Intl.DateTimeFormat('en-GB', { ...axisTimeOptions(bucket), timeZone: 'Europe/Berlin' }).format(at);
    expect(fmt('hour')).toBe('00:30');
    expect(fmt('day')).toBe('30 Nov');
    expect(fmt('month')).toBe('Nov 26');
  });
});

describe('bucketTicks', () => {
  it('puts a tick on each bucket when they fit, and thins them evenly when they do not', () => {
    expect(bucketTicks([10, 20, 30], 5)).toEqual([10, 20, 30]);
    const year = Array.from({ length: 12 }, (_, i) => 1_767_225_600 + i * 30 * 86_400);
    const ticks = bucketTicks(year, 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks[0]).toBe(year[0]);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.every((t) => year.includes(t))).toBe(true);
  });
});

describe('loneValue', () => {
  it('is true for a column with exactly one finite value, the series drawn as a point', () => {
    expect(loneValue([null, 2, null])).toBe(true);
    expect(loneValue([1, null, 2])).toBe(false);
    expect(loneValue([null, Number.NaN, undefined])).toBe(false);
    expect(loneValue([])).toBe(false);
  });
});
