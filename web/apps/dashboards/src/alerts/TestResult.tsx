// "Test now": the rule's condition evaluated by the server at this moment (nothing is written, nothing fires), shown as
// the current value and what the next check would do.
import { useState } from 'react';
import { Button, useSubmit } from '@trackstack/ui';
import type { AlertRule, AlertTest, DashboardsApi } from '../api';
import { formatWhen } from '../reports/when';
import { formatAlertValue, testVerdict } from './rules';
import { t } from '../strings';

export function TestResult({ rule, result, locale, timeZone }: { rule: Pick<AlertRule, 'state'>; result: AlertTest; locale: string; timeZone: string }) {
  const verdict = testVerdict(result.condition, rule.state);
  return (
    <div className={`alert-test alert-test-${result.condition ? 'holds' : 'clear'}`} data-test-result={verdict} data-condition={String(result.condition)}
      data-value={result.value ?? ''} role="status">
      <p className="alert-test-value"><strong>{t.alerts.valueLine(formatAlertValue(result.value, locale))}</strong></p>
      <p>{t.alerts.verdict[verdict]}</p>
      {/* The server's own sentence, with the exact figures it compared. */}
      <p className="muted">{result.summary} · {t.alerts.testAt(formatWhen(result.evaluatedAt, locale, timeZone))}</p>
    </div>
  );
}

/** The button and, once pressed, the answer (or why there is none) below it. */
export function TestButton({ api, rule, locale, timeZone }: { api: DashboardsApi; rule: AlertRule; locale: string; timeZone: string }) {
  const [result, setResult] = useState<AlertTest | null>(null);
  const s = useSubmit();
  const test = () => void s.run(async () => { setResult(null); setResult(await api.testAlert(rule.id)); });
  return (
    <div className="alert-test-box">
      <Button variant="secondary" busy={s.busy} aria-label={t.alerts.testNamed(rule.name)} onClick={test}>{t.alerts.test}</Button>
      {s.formError ? <p className="field-error" role="alert">{s.formError}</p> : null}
      {result ? <TestResult rule={rule} result={result} locale={locale} timeZone={timeZone} /> : null}
    </div>
  );
}
