// Summary endpoints of the Expenses and Heating modules, read by the home screen and the module micro-frontends.
// The shapes come from the generated schema (schema.d.ts); money is in whole cents on the wire and in currency
// units here, and numbers the schema allows as strings are turned into numbers (or null, never NaN).
import type { ApiClient } from './client';
import type { components } from './schema';
import type { OfflineQueue } from './offline-queue';

type S = components['schemas'];
export type MonthSummaryResponse = S['MonthSummaryResponse'];
export type HeatingSummaryResponse = S['HeatingSummaryResponse'];

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
  runOutDate: string | null;
  seasonToDate: number | null;
  lastSeasonToDate: number | null;
  /** (season − last season) / last season, as a fraction (0.12 = 12 % more). */
  versusLastSeason: number | null;
  kwhPerDegreeDay: number | null;
  rSquared: number | null;
}

/** A number from the wire (`number | string` in the schema); null when missing or not a finite number. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** Cents from the wire → currency units (0 when missing). */
export function fromCents(v: unknown): number {
  return (toNumber(v) ?? 0) / 100;
}

export function readExpensesSummary(raw: MonthSummaryResponse | null | undefined, month: string): ExpensesMonthSummary {
  const r = raw ?? ({} as Partial<MonthSummaryResponse>);
  const income = fromCents(r.incomeCents);
  const spent = fromCents(r.spentCents);
  const remaining = r.remainingCents === undefined ? income - spent : fromCents(r.remainingCents);
  const tanks = (r.tanks ?? []).map((t): TankSummary => ({
    key: t.key,
    name: t.name || t.key,
    budget: fromCents(t.budgetCents),
    spent: fromCents(t.spentCents),
    remaining: fromCents(t.remainingCents),
    over: t.over,
  }));
  return {
    month: r.month ?? month,
    currency: r.currency ?? null,
    income, spent, remaining, tanks,
    pendingObligations: toNumber(r.pendingObligations?.count),
  };
}

export function readHeatingSummary(raw: HeatingSummaryResponse | null | undefined): HeatingSummary {
  const r = raw ?? ({} as Partial<HeatingSummaryResponse>);
  const seasonToDate = toNumber(r.seasonToDate?.units);
  const lastSeasonToDate = toNumber(r.lastSeasonSameDate?.units);
  const pct = toNumber(r.deltaPct);
  const versus = pct !== null ? pct / 100 : seasonToDate !== null && lastSeasonToDate ? (seasonToDate - lastSeasonToDate) / lastSeasonToDate : null;
  return {
    unit: r.unitLabel || r.unit || null,
    daysSinceLastRefill: toNumber(r.daysSinceLastRefill),
    daysOfStockLeft: toNumber(r.daysOfStockLeft),
    stockOnHand: toNumber(r.stockOnHand),
    runOutDate: r.runOutDate ?? null,
    seasonToDate,
    lastSeasonToDate,
    versusLastSeason: versus,
    kwhPerDegreeDay: toNumber(r.kwhPerDegreeDay),
    rSquared: toNumber(r.rSquared),
  };
}

export function householdPath(householdId: string, rest: string) {
  return `/api/households/${encodeURIComponent(householdId)}${rest}`;
}

export function expensesMonthPath(householdId: string, month: string) {
  return householdPath(householdId, `/expenses/months/${encodeURIComponent(month)}`);
}

export function heatingSummaryPath(householdId: string) {
  return householdPath(householdId, '/heating/summary');
}

export async function fetchExpensesSummary(client: ApiClient, householdId: string, month: string, signal?: AbortSignal) {
  return readExpensesSummary(await client.getJson<MonthSummaryResponse>(expensesMonthPath(householdId, month), { signal }), month);
}

export async function fetchHeatingSummary(client: ApiClient, householdId: string, signal?: AbortSignal) {
  return readHeatingSummary(await client.getJson<HeatingSummaryResponse>(heatingSummaryPath(householdId), { signal }));
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
  /** The shell's offline queue; creates with a client id go through it (without one they are sent directly). */
  queue?: OfflineQueue;
  /** Today, injectable for tests and screenshots. */
  now?: () => Date;
}
