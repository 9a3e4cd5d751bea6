// Numbers, money and dates with Intl, in the household's locale, currency and time zone.
import { countOf, units } from './strings';

export interface FormatContext {
  locale: string;
  currency: string;
  timeZone: string;
  /** The clock ("now"), injectable for tests and screenshots (ModuleContext.now); the system clock when absent. */
  now?: () => Date;
}

export const DEFAULT_FORMAT: FormatContext = { locale: 'en-GB', currency: 'EUR', timeZone: 'UTC' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function supportedLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_FORMAT.locale;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : DEFAULT_FORMAT.locale;
  } catch {
    return DEFAULT_FORMAT.locale;
  }
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    try {
      f = new Intl.NumberFormat(supportedLocale(locale), options);
    } catch {
      // An unknown currency or unit: fall back to a plain number rather than failing the screen.
      const { currency: _c, style: _s, unit: _u, unitDisplay: _d, ...rest } = options;
      f = new Intl.NumberFormat(supportedLocale(locale), rest);
    }
    cache.set(key, f);
  }
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(supportedLocale(locale), options);
    } catch {
      const { timeZone: _t, ...rest } = options;
      f = new Intl.DateTimeFormat(supportedLocale(locale), rest);
    }
    cache.set(key, f);
  }
  return f;
}

/** 1234.5 → "1.234,50 €" (de-DE, EUR). Whole amounts from 1000 up drop the cents when `compact` is set; `whole`
 * always rounds to whole currency units (half away from zero): the one rule for budget tanks' amounts. */
export function formatMoney(amount: number, ctx: Pick<FormatContext, 'locale' | 'currency'>, options: { compact?: boolean; whole?: boolean } = {}): string {
  const whole = options.whole || (options.compact && Math.abs(amount) >= 1000);
  return numberFormat(ctx.locale, {
    style: 'currency',
    currency: ctx.currency || DEFAULT_FORMAT.currency,
    ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
  }).format(amount);
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** 0.123 → "+12 %" (signed) or "12 %". */
export function formatPercent(fraction: number, locale: string, options: { signed?: boolean; digits?: number } = {}): string {
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: options.digits ?? 0,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(fraction);
}

/** 3 → "3 days" (de-DE: "1.200 days"): the number in the household's locale, the word in the UI language. */
export function formatDays(days: number, locale: string): string {
  return countOf(days, units.day, locale, { maximumFractionDigits: 0 });
}

export function formatDate(value: Date | string | number, ctx: Pick<FormatContext, 'locale' | 'timeZone'>, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(ctx.locale, { dateStyle: style, timeZone: ctx.timeZone || 'UTC' }).format(date);
}

/** The household's current month as "yyyy-MM" (a month starts at midnight in the household's time zone). */
export function monthKey(now: Date, timeZone: string): string {
  const parts = dateFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}

/** Today as "yyyy-MM-dd" in the household's time zone (a day starts at midnight there). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dateFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "2026-11" → "November 2026" in the locale. */
export function monthLabel(key: string, locale: string): string {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}
