// Pure logic of the Expenses screens: the amount keypad, the allocation check, filters → query string, months.

/** The keypad keeps the amount as a string of digits in cents ("1250" = 12.50). */
export const MAX_DIGITS = 9;

export function keypadPress(digits: string, key: string): string {
  if (key === 'back') return digits.slice(0, -1);
  if (key === 'clear') return '';
  if (!/^\d+$/.test(key)) return digits;
  const next = (digits + key).replace(/^0+/, '');
  return next.length > MAX_DIGITS ? digits : next;
}

export function digitsToCents(digits: string): number {
  return digits ? parseInt(digits, 10) : 0;
}

export function centsToDigits(cents: number): string {
  return cents > 0 ? String(Math.round(cents)) : '';
}

/** Typed text ("12,5", "1.234,56", "12.50", "€ 3") → cents, or null when it is not an amount. */
export function parseAmountToCents(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f€$£]|CHF/g, '');
  if (!t) return null;
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  const lastSep = Math.max(t.lastIndexOf(','), t.lastIndexOf('.'));
  let whole = t, frac = '';
  if (lastSep >= 0 && t.length - lastSep - 1 <= 2) {
    whole = t.slice(0, lastSep);
    frac = t.slice(lastSep + 1);
  }
  whole = whole.replace(/[.,']/g, '');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || (whole === '' && frac === '')) return null;
  const cents = parseInt(whole || '0', 10) * 100 + parseInt((frac + '00').slice(0, 2), 10);
  return negative ? -cents : cents;
}

export interface TankRatio { key: string; name: string; ratioPercent: number }
export type AllocationStatus = 'complete' | 'unassigned' | 'over';

/** What the server will say about the ratios, before saving. */
export function allocationCheck(tanks: TankRatio[]): { status: AllocationStatus; totalPercent: number; unassignedPercent: number; invalid: string[] } {
  const invalid = tanks.filter((t) => !Number.isFinite(t.ratioPercent) || t.ratioPercent < 0).map((t) => t.key);
  const total = Math.round(tanks.reduce((s, t) => s + (Number.isFinite(t.ratioPercent) ? t.ratioPercent : 0), 0) * 100) / 100;
  const status: AllocationStatus = total > 100 ? 'over' : total < 100 ? 'unassigned' : 'complete';
  return { status, totalPercent: total, unassignedPercent: Math.max(0, Math.round((100 - total) * 100) / 100), invalid };
}

/** Budget per tank from the income and the ratios (in cents, rounded down like a bank would). */
export function tankBudgets(incomeCents: number, tanks: TankRatio[]): Record<string, number> {
  return Object.fromEntries(tanks.map((t) => [t.key, Math.floor((incomeCents * (Number.isFinite(t.ratioPercent) ? t.ratioPercent : 0)) / 100)]));
}

export interface EntryFilters {
  month?: string;
  tank?: string;
  categoryId?: string;
  tag?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Filters → the entries query string ("?month=2026-11&tank=fun&page=2"); empty values are left out. */
export function filtersToQuery(f: EntryFilters): string {
  const p = new URLSearchParams();
  const add = (k: string, v: string | number | undefined) => {
    if (v === undefined || v === null) return;
    const s = String(v).trim();
    if (s) p.set(k, s);
  };
  add('month', f.month);
  add('tank', f.tank);
  add('categoryId', f.categoryId);
  add('tag', f.tag);
  add('q', f.q);
  if (f.page && f.page > 1) add('page', f.page);
  add('pageSize', f.pageSize);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function shiftMonth(key: string, delta: number): string {
  const [y, m] = key.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Today as yyyy-MM-dd in the household's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Distinct payees of the latest entries, newest first, with the category they were last booked under. */
export function recentPayees(entries: { title: string; categoryId: string | null }[], max = 6): { title: string; categoryId: string | null }[] {
  const seen = new Set<string>();
  const out: { title: string; categoryId: string | null }[] = [];
  for (const e of entries) {
    const key = e.title.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ title: e.title.trim(), categoryId: e.categoryId });
    if (out.length >= max) break;
  }
  return out;
}

/** "groceries, Weekly ,groceries" → ["groceries", "Weekly"]. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(',').map((s) => s.trim()).filter(Boolean)) if (!out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  return out;
}
