// The alert rules' pure parts, kept apart from the components so they can be tested without a browser: a rule's
// condition and state in words, durations ("15m" ↔ 15 minutes), the form's draft ↔ the API's request, and what a
// "Test now" answer means for the rule.
import { countOf, formatNumber, parseDecimal, plural } from '@trackstack/ui';
import type { AlertRule, AlertRuleBody } from '../api';
import { t } from '../strings';

export const ALERT_KINDS = ['above', 'below', 'noData', 'spike'] as const;
export const ALERT_AGGS = ['avg', 'sum', 'count', 'min', 'max', 'last'] as const;
export const DURATION_UNITS = ['m', 'h', 'd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** The fields the server names in its problem details (shown next to the matching field). */
export const ALERT_FIELDS = ['name', 'metric', 'where', 'productId', 'agg', 'kind', 'threshold', 'window', 'bucket', 'buckets', 'deviations', 'notifyUserIds', 'webhookUrl'] as const;

/** "15m" → { amount: "15", unit: "m" }; anything else → the default given. */
export function splitDuration(text: string | null | undefined, fallback: { amount: string; unit: DurationUnit }): { amount: string; unit: DurationUnit } {
  const m = /^(\d+)([mhd])$/.exec(text ?? '');
  return m ? { amount: m[1], unit: m[2] as DurationUnit } : fallback;
}

/** The API's duration text: "15" and "m" → "15m"; an empty amount → null (the server then says what is missing). */
export function joinDuration(amount: string, unit: DurationUnit): string | null {
  const a = amount.trim();
  return a ? `${a}${unit}` : null;
}

/** "15m" → "15 minutes", "1d" → "1 day", with the number in the household's locale; other text comes back as is. */
export function durationWords(text: string | null | undefined, locale: string): string {
  const m = /^(\d+)([mhd])$/.exec(text ?? '');
  if (!m) return text ?? '';
  const forms = m[2] === 'm' ? t.forms.minute : m[2] === 'h' ? t.forms.hour : t.forms.day;
  return countOf(Number(m[1]), forms, locale, { maximumFractionDigits: 0 });
}

/** 95 minutes → "1 hour 35 minutes", 3 days 2 hours → "3 days 2 hours": the two largest units, for how long an episode lasted. */
export function elapsedWords(ms: number, locale: string): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t.alerts.lessThanAMinute;
  const days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
  const parts = [
    days ? countOf(days, t.forms.day, locale, { maximumFractionDigits: 0 }) : null,
    hours ? countOf(hours, t.forms.hour, locale, { maximumFractionDigits: 0 }) : null,
    mins && !days ? countOf(mins, t.forms.minute, locale, { maximumFractionDigits: 0 }) : null,
  ].filter((x): x is string => !!x);
  return parts.slice(0, 2).join(' ');
}

/** A value of a rule in the household's locale (up to three decimals), or "none". */
export function formatAlertValue(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? t.alerts.noValue : formatNumber(value, locale, { maximumFractionDigits: 3 });
}

type RuleShape = Pick<AlertRule, 'metric' | 'where' | 'agg' | 'kind' | 'threshold' | 'window' | 'bucket' | 'buckets' | 'deviations'>;

/** "Average of kitchen.temp (room = kitchen) over the last 15 minutes above 30". */
export function conditionWords(rule: RuleShape, locale: string): string {
  const w = t.alerts.condition;
  const filter = rule.where.length ? rule.where.map((x) => x.replace(':', ' = ')).join(', ') : null;
  const series = w.series(rule.metric, filter);
  const agg = t.alerts.aggs[rule.agg] ?? rule.agg;
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '?' : formatNumber(n, locale, { maximumFractionDigits: 6 }));
  switch (rule.kind) {
    // "over the last hour" rather than "over the last 1 hour"; likewise "the latest hour".
    case 'above': return w.above(agg, series, num(rule.threshold), durationWords(rule.window, locale).replace(/^1 /, ''));
    case 'below': return w.below(agg, series, num(rule.threshold), durationWords(rule.window, locale).replace(/^1 /, ''));
    case 'noData': return w.noData(series, durationWords(rule.window, locale));
    case 'spike': {
      const bucket = durationWords(rule.bucket, locale).replace(/^1 /, '');
      return w.spike(agg, series, bucket, trailingWords(rule.bucket, rule.buckets ?? 0, locale), num(rule.deviations));
    }
    default: return `${rule.kind} · ${series}`;
  }
}

/** The baseline of a spike rule: 24 buckets of 1 hour are "24 hours"; of 15 minutes, "4 buckets of 15 minutes". */
function trailingWords(bucket: string | null, count: number, locale: string): string {
  const m = /^(\d+)([mhd])$/.exec(bucket ?? '');
  const forms = m?.[2] === 'm' ? t.forms.minute : m?.[2] === 'h' ? t.forms.hour : t.forms.day;
  const countText = formatNumber(count, locale, { maximumFractionDigits: 0 });
  if (!m || m[1] === '1') return `${countText} ${plural(count, forms)}`;
  return t.alerts.condition.buckets(count, countText, durationWords(bucket, locale));
}

export type RuleStatus = 'ok' | 'firing' | 'noData' | 'paused' | 'pending';

/** What the list shows as the state: paused (disabled), firing, not checked yet, no data (an above/below/spike rule
 * whose last check found no points), or ok. */
export function ruleStatus(rule: Pick<AlertRule, 'enabled' | 'state' | 'lastEvaluatedAt' | 'lastValue' | 'kind'>): RuleStatus {
  if (rule.state === 'firing') return 'firing';
  if (!rule.enabled) return 'paused';
  if (!rule.lastEvaluatedAt) return 'pending';
  if (rule.kind !== 'noData' && (rule.lastValue === null || rule.lastValue === undefined)) return 'noData';
  return 'ok';
}

export type Verdict = 'wouldFire' | 'staysFiring' | 'wouldResolve' | 'clear';

/** What a test's answer means for the rule as it stands (hysteresis: fire at once, resolve after two clear checks). */
export function testVerdict(condition: boolean, state: string): Verdict {
  if (state === 'firing') return condition ? 'staysFiring' : 'wouldResolve';
  return condition ? 'wouldFire' : 'clear';
}

/** The editor's fields as typed. */
export interface AlertDraft {
  name: string;
  metric: string;
  /** Tag filters "key:value"; the form picks the first, further ones (made through the API) are kept. */
  where: string[];
  productId: string;
  kind: string;
  agg: string;
  threshold: string;
  windowAmount: string;
  windowUnit: DurationUnit;
  bucketAmount: string;
  bucketUnit: DurationUnit;
  buckets: string;
  deviations: string;
  notifyUserIds: string[];
  webhookUrl: string;
  enabled: boolean;
}

/** The form's values for a rule, or for a new one (you are notified by default). `locale` writes decimals as the
 * household does ("30,5" in de-DE). */
export function draftOf(rule: AlertRule | null, me: string, locale: string): AlertDraft {
  const decimal = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, locale, { maximumFractionDigits: 6, useGrouping: false }));
  if (!rule) {
    return {
      name: '', metric: '', where: [], productId: '', kind: 'above', agg: 'avg', threshold: '', windowAmount: '15', windowUnit: 'm',
      bucketAmount: '1', bucketUnit: 'h', buckets: '24', deviations: '3', notifyUserIds: me ? [me] : [], webhookUrl: '', enabled: true,
    };
  }
  const window = splitDuration(rule.window, { amount: '15', unit: 'm' });
  const bucket = splitDuration(rule.bucket, { amount: '1', unit: 'h' });
  return {
    name: rule.name, metric: rule.metric, where: [...rule.where], productId: rule.productId ?? '', kind: rule.kind, agg: rule.agg,
    threshold: decimal(rule.threshold), windowAmount: window.amount, windowUnit: window.unit, bucketAmount: bucket.amount, bucketUnit: bucket.unit,
    buckets: rule.buckets === null || rule.buckets === undefined ? '24' : String(rule.buckets), deviations: rule.deviations === null || rule.deviations === undefined ? '3' : decimal(rule.deviations),
    notifyUserIds: [...rule.notifyUserIds], webhookUrl: rule.webhookUrl ?? '', enabled: rule.enabled,
  };
}

/** The request for a draft, or the field errors to show before sending (what the browser can tell: a missing name
 * or metric, text where a number belongs). Fields the kind does not use are sent as null. */
export function toRequest(d: AlertDraft): { body: AlertRuleBody; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = d.name.trim(), metric = d.metric.trim();
  if (!name) errors.name = t.alerts.nameNeeded;
  if (!metric) errors.metric = t.alerts.metricNeeded;
  const threshold = parseDecimal(d.threshold);
  const thresholdKind = d.kind === 'above' || d.kind === 'below';
  if (thresholdKind && d.threshold.trim() && threshold === null) errors.threshold = t.alerts.notANumber;
  const windowKind = thresholdKind || d.kind === 'noData';
  if (windowKind && d.windowAmount.trim() && !/^\d+$/.test(d.windowAmount.trim())) errors.window = t.alerts.notAWholeNumber;
  const spike = d.kind === 'spike';
  if (spike && d.bucketAmount.trim() && !/^\d+$/.test(d.bucketAmount.trim())) errors.bucket = t.alerts.notAWholeNumber;
  if (spike && d.buckets.trim() && !/^\d+$/.test(d.buckets.trim())) errors.buckets = t.alerts.notAWholeNumber;
  const deviations = parseDecimal(d.deviations);
  if (spike && d.deviations.trim() && deviations === null) errors.deviations = t.alerts.notANumber;
  if (Object.keys(errors).length) return { body: null, errors };
  const webhookUrl = d.webhookUrl.trim();
  return {
    body: {
      name, metric, where: d.where.filter((x) => x), productId: d.productId || null, kind: d.kind, agg: d.agg,
      threshold: thresholdKind ? threshold : null,
      window: windowKind ? joinDuration(d.windowAmount, d.windowUnit) : null,
      bucket: spike ? joinDuration(d.bucketAmount, d.bucketUnit) : null,
      buckets: spike && d.buckets.trim() ? Number(d.buckets.trim()) : null,
      deviations: spike ? deviations : null,
      notifyUserIds: [...d.notifyUserIds], webhookUrl: webhookUrl || null, enabled: d.enabled,
    },
    errors: null,
  };
}
