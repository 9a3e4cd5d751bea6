// Chart scaling and the small sums behind the Heating screen's plain-words figures. No chart library.
import { plural, uiMonthShort, unitForms, units } from '@trackstack/ui';
import { t } from './strings';

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
  if (r2 === null || !Number.isFinite(r2)) return t.fit.unknown;
  if (r2 >= 0.9) return t.fit.veryWell;
  if (r2 >= 0.75) return t.fit.well;
  if (r2 >= 0.5) return t.fit.somewhat;
  return t.fit.poorly;
}

/** "bag" → "bags" for counts other than one (Intl.PluralRules of the UI language); kWh, kg and m³ stay as they are.
 * A label with a size ("bag (15 kg)") counts by its unit. */
export function unitWord(unit: string, count: number): string {
  const u = unit.replace(/\s*\(.*\)$/, '');
  const forms = unitForms(u);
  if (forms !== units.unit || !u) return plural(count, forms);
  return plural(count, { one: u, other: u.endsWith('s') ? u : `${u}s` }); // a unit word the catalogue does not know
}

/** all: every refill (the server's default); the others send dates. */
export type PeriodChoice = 'all' | 'season' | 'year' | 'custom';

export interface Period { from: string; to: string }

/** The analysis period: this heating season to today, the last 12 months (365 days to today), or the custom dates. */
export function periodRange(choice: PeriodChoice, today: string, seasonStart: { month: number; day: number }, custom?: Partial<Period>): Period | null {
  if (choice === 'all') return null;
  if (choice === 'custom') return custom?.from && custom.to && custom.from <= custom.to ? { from: custom.from, to: custom.to } : null;
  if (choice === 'year') return { from: addDays(today, -364), to: today };
  const year = Number(today.slice(0, 4));
  const start = (y: number) => `${y}-${String(seasonStart.month).padStart(2, '0')}-${String(seasonStart.day).padStart(2, '0')}`;
  return { from: start(today >= start(year) ? year : year - 1), to: today };
}

/** yyyy-MM-dd plus whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "2026-11" → short month label ("Nov"): a word of the UI language (English), whatever the household's locale. */
export function shortMonth(key: string, _locale?: string): string {
  return uiMonthShort(key);
}

/** Whole days from one yyyy-MM-dd to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
