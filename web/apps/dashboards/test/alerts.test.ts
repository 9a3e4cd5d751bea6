import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../src/api';
import { conditionWords, draftOf, durationWords, elapsedWords, formatAlertValue, joinDuration, ruleStatus, splitDuration, testVerdict, toRequest } from '../src/alerts/rules';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const rule = (patch: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r1', name: 'Freezer warm', metric: 'freezer.temp', where: [], productId: null, agg: 'avg', kind: 'above',
  threshold: -12.5, window: '15m', bucket: null, buckets: null, deviations: null, notifyUserIds: ['u1'], webhookUrl: null,
  enabled: true, state: 'ok', currentFiringId: null, lastEvaluatedAt: '2026-12-03T10:00:00Z', lastValue: -18, version: 3,
  createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z', ...patch,
});

describe('durations', () => {
  it('splits and joins the API text', () => {
    expect(splitDuration('15m', { amount: '1', unit: 'h' })).toEqual({ amount: '15', unit: 'm' });
    expect(splitDuration('2d', { amount: '1', unit: 'h' })).toEqual({ amount: '2', unit: 'd' });
    expect(splitDuration(null, { amount: '1', unit: 'h' })).toEqual({ amount: '1', unit: 'h' });
    expect(joinDuration(' 90 ', 'm')).toBe('90m');
    expect(joinDuration('', 'h')).toBeNull();
  });

  it('says them in words with the number in the locale', () => {
    expect(durationWords('1h', 'de-DE')).toBe('1 hour');
    expect(durationWords('15m', 'de-DE')).toBe('15 minutes');
    expect(plain(durationWords('1440m', 'de-DE'))).toBe('1.440 minutes');
    expect(durationWords('2d', 'en-GB')).toBe('2 days');
  });

  it('says how long an episode lasted in the two largest units', () => {
    expect(elapsedWords(20_000, 'en-GB')).toBe('less than a minute');
    expect(elapsedWords(95 * 60_000, 'en-GB')).toBe('1 hour 35 minutes');
    expect(elapsedWords((3 * 1440 + 125) * 60_000, 'en-GB')).toBe('3 days 2 hours');
    expect(elapsedWords(60 * 60_000, 'en-GB')).toBe('1 hour');
  });
});

describe('the condition in words', () => {
  it('above and below name the aggregate, the series, the window and the threshold in the locale', () => {
    expect(plain(conditionWords(rule(), 'de-DE'))).toBe('Average of freezer.temp over the last 15 minutes above -12,5');
    expect(conditionWords(rule({ kind: 'below', agg: 'sum', threshold: 3, window: '1d', where: ['room:kitchen'] }), 'en-GB'))
      .toBe('Sum of freezer.temp (room = kitchen) over the last day below 3');
  });

  it('no data says how long without a point', () => {
    expect(conditionWords(rule({ kind: 'noData', window: '30m', threshold: null }), 'en-GB')).toBe('No point of freezer.temp for 30 minutes');
  });

  it('a spike names the bucket, the baseline and k', () => {
    expect(conditionWords(rule({ kind: 'spike', agg: 'count', window: null, threshold: null, bucket: '1h', buckets: 24, deviations: 3 }), 'en-GB'))
      .toBe('Count of freezer.temp in the latest hour more than 3 standard deviations from the 24 hours before');
    expect(plain(conditionWords(rule({ kind: 'spike', window: null, threshold: null, bucket: '15m', buckets: 8, deviations: 2.5 }), 'de-DE')))
      .toBe('Average of freezer.temp in the latest 15 minutes more than 2,5 standard deviations from the 8 buckets of 15 minutes before');
  });
});

describe('the state and a test', () => {
  it('firing, paused, not checked yet, no data and ok', () => {
    expect(ruleStatus(rule({ state: 'firing' }))).toBe('firing');
    expect(ruleStatus(rule({ state: 'firing', enabled: false }))).toBe('firing');
    expect(ruleStatus(rule({ enabled: false }))).toBe('paused');
    expect(ruleStatus(rule({ lastEvaluatedAt: null, lastValue: null }))).toBe('pending');
    expect(ruleStatus(rule({ lastValue: null }))).toBe('noData');
    // A no-data rule never has a value: that is its ok.
    expect(ruleStatus(rule({ kind: 'noData', lastValue: null }))).toBe('ok');
    expect(ruleStatus(rule())).toBe('ok');
  });

  it('what a test answer means for the rule as it stands', () => {
    expect(testVerdict(true, 'ok')).toBe('wouldFire');
    expect(testVerdict(false, 'ok')).toBe('clear');
    expect(testVerdict(true, 'firing')).toBe('staysFiring');
    expect(testVerdict(false, 'firing')).toBe('wouldResolve');
  });

  it('values in the locale, or none', () => {
    expect(plain(formatAlertValue(1234.56789, 'de-DE'))).toBe('1.234,568');
    expect(formatAlertValue(null, 'de-DE')).toBe('none');
  });
});

describe('the form and the request', () => {
  it('a new rule notifies me, above over 15 minutes', () => {
    const d = draftOf(null, 'me', 'de-DE');
    expect(d).toMatchObject({ kind: 'above', agg: 'avg', windowAmount: '15', windowUnit: 'm', notifyUserIds: ['me'], enabled: true });
  });

  it('a threshold rule sends only its own fields, the decimal typed as the locale writes it', () => {
    const d = { ...draftOf(null, 'me', 'de-DE'), name: ' Freezer warm ', metric: 'freezer.temp', threshold: '-12,5', windowAmount: '2', windowUnit: 'h' as const,
      where: ['room:cellar'], webhookUrl: ' https://hooks.example.org/x ', bucketAmount: '5', buckets: '9' };
    const r = toRequest(d);
    expect(r.errors).toBeNull();
    expect(r.body).toEqual({
      name: 'Freezer warm', metric: 'freezer.temp', where: ['room:cellar'], productId: null, kind: 'above', agg: 'avg', threshold: -12.5,
      window: '2h', bucket: null, buckets: null, deviations: null, notifyUserIds: ['me'], webhookUrl: 'https://hooks.example.org/x', enabled: true,
    });
  });

  it('a spike rule sends bucket, buckets and k; no data sends only the window', () => {
    const spike = toRequest({ ...draftOf(null, '', 'en-GB'), name: 'Sign-ups', metric: 'signups', kind: 'spike', agg: 'count', threshold: '5' });
    expect(spike.body).toMatchObject({ kind: 'spike', threshold: null, window: null, bucket: '1h', buckets: 24, deviations: 3, notifyUserIds: [], webhookUrl: null });
    const silent = toRequest({ ...draftOf(null, '', 'en-GB'), name: 'Sensor', metric: 'kitchen.temp', kind: 'noData', windowAmount: '30', threshold: '5' });
    expect(silent.body).toMatchObject({ kind: 'noData', threshold: null, window: '30m', bucket: null, buckets: null, deviations: null });
  });

  it('says what the browser can tell before sending; the rest is the server’s to say', () => {
    const r = toRequest({ ...draftOf(null, '', 'en-GB'), threshold: 'warm', windowAmount: '1.5' });
    expect(r.errors).toEqual({ name: 'Give the rule a name.', metric: 'Name the metric.', threshold: 'Type a number.', window: 'Type a whole number.' });
    // An empty threshold goes as null: the server answers "Give the threshold" next to the field.
    expect(toRequest({ ...draftOf(null, '', 'en-GB'), name: 'x', metric: 'm' }).body).toMatchObject({ threshold: null });
  });

  it('an existing rule fills the form and comes back unchanged', () => {
    const existing = rule({ kind: 'spike', threshold: null, window: null, bucket: '15m', buckets: 8, deviations: 2.5, where: ['a:b', 'c:d'], webhookUrl: 'https://x.example/h', productId: 'p1' });
    const d = draftOf(existing, 'me', 'de-DE');
    expect(d).toMatchObject({ bucketAmount: '15', bucketUnit: 'm', buckets: '8', deviations: '2,5', notifyUserIds: ['u1'], productId: 'p1' });
    expect(toRequest(d).body).toEqual({
      name: 'Freezer warm', metric: 'freezer.temp', where: ['a:b', 'c:d'], productId: 'p1', kind: 'spike', agg: 'avg', threshold: null, window: null,
      bucket: '15m', buckets: 8, deviations: 2.5, notifyUserIds: ['u1'], webhookUrl: 'https://x.example/h', enabled: true,
    });
  });
});
