// A rule's episodes, newest first, a page at a time: when each started and resolved, how long it lasted, the value
// that fired it and the one it resolved with, and what the webhook answered.
import { useState } from 'react';
import { errorMessage } from '@trackstack/api';
import { Button, Skeleton, useAsync } from '@trackstack/ui';
import type { AlertRule, DashboardsApi } from '../api';
import { formatWhen } from '../reports/when';
import { elapsedWords, formatAlertValue } from './rules';
import { t } from '../strings';

export const FIRINGS_PAGE_SIZE = 10;

export function AlertHistory({ api, rule, locale, timeZone, version, now }: {
  api: DashboardsApi; rule: AlertRule; locale: string; timeZone: string; version: number; now: () => Date;
}) {
  const [page, setPage] = useState(1);
  const firings = useAsync((signal) => api.firings(rule.id, page, FIRINGS_PAGE_SIZE, signal), [api, rule.id, rule.version, page, version]);
  const data = firings.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / FIRINGS_PAGE_SIZE)) : 1;
  const headingId = `alert-history-${rule.id}`;
  return (
    <section className="alert-history" aria-labelledby={headingId} data-history-for={rule.name} data-state={firings.status}>
      <h3 className="subhead" id={headingId}>{t.alerts.firings}</h3>
      {firings.status === 'error' && !data ? <p>{errorMessage(firings.error, t.alerts.couldNotLoadFirings)}</p>
        : !data ? <Skeleton height="44px" />
        : data.items.length === 0 ? <p className="muted">{t.alerts.noFirings}</p> : (
          <>
            <ul className="list compact">
              {data.items.map((f) => {
                const lasted = elapsedWords((f.resolvedAt ? Date.parse(f.resolvedAt) : now().getTime()) - Date.parse(f.firedAt), locale);
                const webhook = f.fireWebhookError ? t.alerts.webhookFailed(f.fireWebhookError)
                  : f.fireWebhookStatus !== null && f.fireWebhookStatus !== undefined ? t.alerts.webhookAnswer(String(f.fireWebhookStatus)) : null;
                return (
                  <li key={f.id} data-firing={f.resolvedAt ? 'resolved' : 'open'}>
                    <div className="grow">
                      <dl className="alert-facts">
                        <div><dt>{t.alerts.started}</dt><dd>{formatWhen(f.firedAt, locale, timeZone)}</dd></div>
                        <div><dt>{t.alerts.resolved}</dt><dd>{f.resolvedAt ? formatWhen(f.resolvedAt, locale, timeZone) : t.alerts.ongoing}</dd></div>
                        <div><dt>{t.alerts.duration}</dt><dd>{f.resolvedAt ? lasted : t.alerts.lastingFor(lasted)}</dd></div>
                        <div><dt>{t.alerts.triggerValue}</dt><dd className="num" data-fire-value={f.fireValue ?? ''}>{formatAlertValue(f.fireValue, locale)}</dd></div>
                        {f.resolvedAt ? <div><dt>{t.alerts.resolveValue}</dt><dd className="num">{formatAlertValue(f.resolveValue, locale)}</dd></div> : null}
                      </dl>
                      <div className="sub">{f.summary}{webhook ? ` · ${webhook}` : ''}</div>
                    </div>
                  </li>
                );
              })}
            </ul>
            {pages > 1 ? (
              <div className="pager">
                <Button variant="ghost" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>{t.alerts.newer}</Button>
                <span className="muted" aria-live="polite">{t.alerts.page(page, pages)}</span>
                <Button variant="ghost" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>{t.alerts.older}</Button>
              </div>
            ) : null}
          </>
        )}
    </section>
  );
}
