// Chart scaling and the small sums behind the Heating screen's plain-words figures. No chart library.

/** A "nice" upper bound for an axis (1, 2, 2.5, 5 × 10^k) at or above the largest value. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const m of [1, 2, 2.5, 5, 10]) if (m * base >= max - 1e-9) return m * base;
  return 10 * base;
}

/** Evenly spaced ticks from 0 to the nice maximum (count + 1 values). */
export function ticks(max: number, count = 4): number[] {
  const top = niceMax(max);
  return Array.from({ length: count + 1 }, (_, i) => Math.round((top * i / count) * 1e6) / 1e6);
}

/** Maps a value in [0, domainMax] onto [rangeStart, rangeEnd] (pixels; the end may be smaller for a y axis). */
export function scale(domainMax: number, rangeStart: number, rangeEnd: number) {
  const d = domainMax > 0 ? domainMax : 1;
  return (v: number) => rangeStart + ((Number.isFinite(v) ? v : 0) / d) * (rangeEnd - rangeStart);
}

export interface IntervalPoint { x: number; y: number; flagged: boolean; label: string }

/** Refill intervals as daily points: degree days per day (x) against kWh per day (y), included intervals only. */
export function intervalPoints(intervals: { start: string; end: string; days: number; energyKwh: number; degreeDays: number | null; included: boolean; flagged: boolean }[]): IntervalPoint[] {
  return intervals
    .filter((i) => i.included && i.days > 0 && i.degreeDays !== null)
    .map((i) => ({ x: (i.degreeDays as number) / i.days, y: i.energyKwh / i.days, flagged: i.flagged, label: `${i.start} – ${i.end}` }));
}

/** The fitted line kWh/day = baseload + slope × HDD/day, as two end points over [0, xMax]. */
export function fitLine(baseload: number, slope: number, xMax: number): [{ x: number; y: number }, { x: number; y: number }] {
  return [{ x: 0, y: baseload }, { x: xMax, y: baseload + slope * xMax }];
}

/** R² in words: how well the temperature explains the use. */
export function fitQuality(r2: number | null): string {
  if (r2 === null || !Number.isFinite(r2)) return 'not enough refills yet to tell';
  if (r2 >= 0.9) return 'very well';
  if (r2 >= 0.75) return 'well';
  if (r2 >= 0.5) return 'somewhat';
  return 'poorly (other things drive the use)';
}

/** "bag" → "bags" for counts other than one; units like kWh, kg and m3 stay as they are. */
export function unitWord(unit: string, count: number): string {
  const u = unit.replace(/\s*\(.*\)$/, '');
  if (Math.abs(count) === 1 || /^(kWh|kg|m3|m³|l)$/i.test(u)) return u === 'm3' ? 'm³' : u;
  return u.endsWith('s') ? u : `${u}s`;
}

/** "2026-11" → short month label in the locale ("Nov"). */
export function shortMonth(key: string, locale: string): string {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
  } catch {
    return key;
  }
}

/** Whole days from one yyyy-MM-dd to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
