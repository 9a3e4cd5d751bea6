// Pure logic of the Expenses screens: the amount keypad, the allocation check, entry filters, months, payees, tags.
import type { Settings } from './api';

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
  /** Server-side order (holds across pages); desc left out = the server's default for the column. */
  sort?: 'date' | 'amount' | 'title' | 'category';
  desc?: boolean;
  page?: number;
  pageSize?: number;
}

/** Filters → the entries query: blank values are left out, and page 1 is the default. */
export function entryQuery(f: EntryFilters): EntryFilters {
  const text = (v: string | undefined) => v?.trim() || undefined;
  return {
    month: text(f.month), tank: text(f.tank), categoryId: text(f.categoryId), tag: text(f.tag), q: text(f.q),
    sort: f.sort && f.sort !== 'date' ? f.sort : undefined,
    desc: f.sort && f.sort !== 'date' ? f.desc : f.desc === false ? false : undefined,
    page: f.page && f.page > 1 ? f.page : undefined,
    pageSize: f.pageSize,
  };
}

export function shiftMonth(key: string, delta: number): string {
  const [y, m] = key.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
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

/** Category choices for a select, "Tank · Category", after a first choice ("All categories", "No category"). */
export function categoryOptions(settings: Settings | null, first: { value: string; label: string }) {
  return [first, ...(settings?.tanks ?? []).flatMap((t) => t.categories.map((c) => ({ value: c.id, label: `${t.name} · ${c.name}` })))];
}

/** Category id → name, for rows that carry only the id. */
export function categoryNames(settings: Settings | null): Map<string, string> {
  return new Map((settings?.tanks ?? []).flatMap((t) => t.categories.map((c) => [c.id, c.name] as const)));
}
