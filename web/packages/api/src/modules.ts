// Summary endpoints of the Expenses and Heating modules, read by the home screen and the module micro-frontends.
// Both modules are being built in parallel; until their routes are in the OpenAPI document (and so in
// schema.d.ts) these readers accept the field names issue 3 describes, with a few spellings each, and turn
// anything else into null rather than NaN. Replace them with the generated types once the modules land.
import type { ApiClient } from './client';

export interface TankSummary {
  key: string;
  name: string;
  budget: number;
  spent: number;
  remaining: number;
  over: boolean;
}

export interface ExpensesMonthSummary {
  month: string;
  currency: string | null;
  income: number;
  spent: number;
  remaining: number;
  tanks: TankSummary[];
  pendingObligations: number | null;
}

export interface HeatingSummary {
  unit: string | null;
  daysSinceLastRefill: number | null;
  daysOfStockLeft: number | null;
  stockOnHand: number | null;
  seasonToDate: number | null;
  lastSeasonToDate: number | null;
  /** (season − last season) / last season, as a fraction (0.12 = 12 % more). */
  versusLastSeason: number | null;
}

type Raw = Record<string, unknown>;

function num(...values: unknown[]): number | null {
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return null;
}

function obj(v: unknown): Raw {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
}

function str(...values: unknown[]): string | null {
  for (const v of values) if (typeof v === 'string' && v) return v;
  return null;
}

export function readExpensesSummary(raw: unknown, month: string): ExpensesMonthSummary {
  const r = obj(raw);
  const income = num(r.income, r.monthlyIncome) ?? 0;
  const spent = num(r.spent, r.totalSpent) ?? 0;
  const remaining = num(r.remaining) ?? income - spent;
  const rawTanks: Raw[] = Array.isArray(r.tanks)
    ? (r.tanks as unknown[]).map(obj)
    : Object.entries(obj(r.tanks)).map(([key, v]) => ({ key, ...obj(v) }));
  const tanks = rawTanks.map((t, i): TankSummary => {
    const budget = num(t.budget, t.allocated, t.amount) ?? 0;
    const tSpent = num(t.spent) ?? 0;
    const tRemaining = num(t.remaining) ?? budget - tSpent;
    const key = str(t.key, t.id, t.tank, t.name) ?? `tank-${i}`;
    return {
      key,
      name: str(t.name, t.displayName, t.tank, t.key) ?? key,
      budget,
      spent: tSpent,
      remaining: tRemaining,
      over: typeof t.over === 'boolean' ? t.over : tRemaining < 0,
    };
  });
  const pending = r.pendingObligations ?? r.pending;
  const pendingObligations = Array.isArray(pending) ? pending.length : num(pending, obj(pending).count);
  return { month: str(r.month, r.period) ?? month, currency: str(r.currency), income, spent, remaining, tanks, pendingObligations };
}

export function readHeatingSummary(raw: unknown): HeatingSummary {
  const r = obj(raw);
  const season = obj(r.season);
  const seasonToDate = num(r.seasonToDate, season.toDate, season.seasonToDate, season.current);
  const lastSeasonToDate = num(r.lastSeasonToDate, season.lastSeasonToDate, season.lastToDate, season.previous);
  let versus = num(r.versusLastSeasonPercent, r.deltaPercent, r.deltaPct, season.deltaPercent, season.deltaPct);
  if (versus !== null) versus = versus / 100;
  else if (seasonToDate !== null && lastSeasonToDate) versus = (seasonToDate - lastSeasonToDate) / lastSeasonToDate;
  return {
    unit: str(r.unit, season.unit),
    daysSinceLastRefill: num(r.daysSinceLastRefill, r.daysSinceRefill),
    daysOfStockLeft: num(r.daysOfStockLeft, r.stockDaysLeft, r.daysLeft, obj(r.stock).daysLeft),
    stockOnHand: num(r.stockOnHand, obj(r.stock).onHand),
    seasonToDate,
    lastSeasonToDate,
    versusLastSeason: versus,
  };
}

export function expensesMonthPath(householdId: string, month: string) {
  return `/api/households/${encodeURIComponent(householdId)}/expenses/months/${encodeURIComponent(month)}`;
}

export function heatingSummaryPath(householdId: string) {
  return `/api/households/${encodeURIComponent(householdId)}/heating/summary`;
}

export async function fetchExpensesSummary(client: ApiClient, householdId: string, month: string, signal?: AbortSignal) {
  return readExpensesSummary(await client.getJson(expensesMonthPath(householdId, month), { signal }), month);
}

export async function fetchHeatingSummary(client: ApiClient, householdId: string, signal?: AbortSignal) {
  return readHeatingSummary(await client.getJson(heatingSummaryPath(householdId), { signal }));
}

/** What the shell hands a module micro-frontend when it mounts it. */
export interface ModuleContext {
  client: ApiClient;
  household: {
    id: string;
    name: string;
    currency: string;
    locale: string;
    timeZone: string;
    role: 'viewer' | 'member' | 'admin' | 'owner';
  };
  /** Today, injectable for tests and screenshots. */
  now?: () => Date;
}
