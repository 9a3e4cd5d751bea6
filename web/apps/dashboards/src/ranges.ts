// A widget's relative range ("last 30 days", "this month", "this season") as local dates in the household's time
// zone: the Metrics query takes local dates, `from` included and `to` excluded. Ranges that reach today end
// tomorrow (today counts, so far); the previous period is the one the number widget compares with.
import { todayIn } from '@trackstack/ui';

export const RANGES = ['today', 'last-7-days', 'last-30-days', 'last-90-days', 'last-12-months', 'this-week', 'this-month', 'last-month', 'this-year', 'this-season'] as const;
export type RangeKey = (typeof RANGES)[number];

export interface DateSpan { from: string; to: string }

const DAY = 86_400_000;

function parse(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return iso(new Date(parse(date).getTime() + days * DAY));
}

/** The same day `months` later (or earlier), kept inside the target month (31 March − 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY);
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Monday of the date's week (ISO weeks start on Monday, as Metrics' week buckets do). */
function monday(date: string): string {
  const weekday = (parse(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The heating season (1 July to 30 June) the date is in, by its first day. */
function seasonStart(date: string): string {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? `${year}-07-01` : `${year - 1}-07-01`;
}

/** The range as local dates, for today (a "yyyy-MM-dd" in the household's zone). */
export function resolveRange(range: RangeKey, today: string): DateSpan {
  const tomorrow = addDays(today, 1);
  switch (range) {
    case 'today': return { from: today, to: tomorrow };
    case 'last-7-days': return { from: addDays(today, -6), to: tomorrow };
    case 'last-30-days': return { from: addDays(today, -29), to: tomorrow };
    case 'last-90-days': return { from: addDays(today, -89), to: tomorrow };
    // Twelve whole month buckets, this month (so far) the last of them.
    case 'last-12-months': return { from: addMonths(firstOfMonth(today), -11), to: tomorrow };
    case 'this-week': return { from: monday(today), to: tomorrow };
    case 'this-month': return { from: firstOfMonth(today), to: tomorrow };
    case 'last-month': return { from: addMonths(firstOfMonth(today), -1), to: firstOfMonth(today) };
    case 'this-year': return { from: `${today.slice(0, 4)}-01-01`, to: tomorrow };
    case 'this-season': return { from: seasonStart(today), to: tomorrow };
  }
}

/** The period a number widget compares with. Rolling ranges: the same number of days just before. Calendar ranges
 * so far (this week, month, year, season): the same stretch of the one before (1–2 December → 1–2 November), so a
 * month to date is compared with the last month to the same date. Last month: the month before it. */
export function previousRange(range: RangeKey, today: string): DateSpan {
  const current = resolveRange(range, today);
  const length = daysBetween(current.from, current.to);
  const shifted = (months: number) => {
    const from = addMonths(current.from, months);
    // A stretch longer than the earlier period (31 March so far → February) ends with that period.
    const to = addMonths(current.to, months);
    return { from, to: to > current.from ? current.from : to };
  };
  switch (range) {
    case 'this-week': return { from: addDays(current.from, -7), to: addDays(current.to, -7) };
    case 'this-month':
    case 'last-month': {
      const span = shifted(-1);
      return range === 'last-month' ? { from: span.from, to: current.from } : span;
    }
    case 'this-year':
    case 'this-season': return shifted(-12);
    case 'last-12-months': return { from: addMonths(current.from, -12), to: current.from };
    default: return { from: addDays(current.from, -length), to: current.from };
  }
}

/** Today in the household's zone by the injected clock. */
export function householdToday(timeZone: string, now?: () => Date): string {
  return todayIn(timeZone, now?.());
}
