// The e-mail reports tab: the household's report schedules with their next send, the editor, and the log of sends.
import { useState } from 'react';
import { errorMessage, type ModuleContext } from '@trackstack/api';
import { Button, Card, LinkButton, Notice, Skeleton, useAsync, useSubmit } from '@trackstack/ui';
import type { DashboardSummary, DashboardsApi, Schedule } from '../api';
import { ScheduleEditor } from './ScheduleEditor';
import { formatWhen } from './when';
import { t } from '../strings';

export function ReportsPanel({ api, context, list, version, changed }: {
  api: DashboardsApi; context: ModuleContext; list: DashboardSummary[]; version: number; changed: (message?: string, kind?: 'success' | 'error') => void;
}) {
  const { locale, timeZone, role } = context.household;
  const canWrite = role !== 'viewer';
  const schedules = useAsync((signal) => api.schedules(signal), [api, version]);
  const members = useAsync((signal) => api.members(signal), [api]);
  const deliveries = useAsync((signal) => api.deliveries(signal), [api, version]);
  const [editing, setEditing] = useState<Schedule | null>(null);
  // A new, empty form after each save: the editor is keyed by this and the schedule it shows.
  const [fresh, setFresh] = useState(0);
  const actions = useSubmit();
  const me = context.userId ?? '';
  const dashboardName = (id: string) => list.find((d) => d.id === id)?.name ?? t.reports.unknownDashboard;
  const scheduleName = (id: string) => schedules.data?.find((s) => s.id === id)?.name ?? '';

  const done = (message?: string) => { setEditing(null); setFresh((n) => n + 1); if (message) changed(message); };
  const remove = (s: Schedule) => {
    if (!confirm(t.reports.deleteConfirm(s.name))) return;
    void actions.run(async () => { await api.deleteSchedule(s.id); if (editing?.id === s.id) setEditing(null); changed(t.reports.deleted(s.name)); }, `delete-${s.id}`);
  };
  const sendNow = (s: Schedule) => void actions.run(async () => {
    const run = await api.sendNow(s.id);
    changed(run.status === 'sent' ? t.reports.previewSent : t.reports.previewFailed(run.answer ?? run.status), run.status === 'sent' ? 'success' : 'error');
  }, `send-${s.id}`);

  return (
    <>
      <Card title={t.reports.schedules} data-panel="schedules" data-state={schedules.status}>
        <p className="muted">{t.reports.intro}</p>
        {!canWrite ? <p className="muted" data-read-only="true">{t.reports.onlyMembers}</p> : null}
        {actions.formError ? <Notice kind="error"><p>{actions.formError}</p></Notice> : null}
        {schedules.status === 'error' ? <p>{errorMessage(schedules.error, t.reports.couldNotLoad)}</p>
          : !schedules.data ? <Skeleton height="44px" />
          : schedules.data.length === 0 ? <p>{t.reports.none}</p> : (
            <ul className="list">
              {schedules.data.map((s) => (
                <li key={s.id} data-schedule={s.name}>
                  <div className="grow">
                    <div className="title">{s.name}</div>
                    <div className="sub">
                      {dashboardName(s.dashboardId)} · {t.reports.frequencies[s.frequency]} · {t.reports.recipientsCount(s.recipients.length)}{s.guests.length ? ` (+${t.reports.guestsCount(s.guests.length)})` : ''} ·{' '}
                      {s.enabled && s.nextSends[0] ? <span data-next-send>{t.reports.next(formatWhen(s.nextSends[0], locale, timeZone))}</span> : t.reports.paused}
                    </div>
                  </div>
                  <LinkButton variant="ghost" href={api.previewUrl(s.id)} target="_blank" rel="noopener">{t.reports.open}</LinkButton>
                  {canWrite ? <Button variant="ghost" busy={actions.busyWith === `send-${s.id}`} onClick={() => sendNow(s)}>{t.reports.sendNow}</Button> : null}
                  {canWrite ? <Button variant="ghost" onClick={() => setEditing(s)}>{t.reports.edit}</Button> : null}
                  {canWrite ? <Button variant="ghost" busy={actions.busyWith === `delete-${s.id}`} onClick={() => remove(s)}>{t.reports.remove}</Button> : null}
                </li>
              ))}
            </ul>
          )}
      </Card>
      {list.length === 0 ? <Notice kind="info"><p>{t.reports.noDashboards}</p></Notice>
        : canWrite && members.data ? (
          <ScheduleEditor key={editing?.id ?? `new-${fresh}`} api={api} schedule={editing} dashboards={list} members={members.data} me={me} timeZone={timeZone} locale={locale} onDone={done} />
        ) : null}
      <Card title={t.reports.history} data-panel="deliveries" data-state={deliveries.status}>
        {deliveries.status === 'error' ? <p>{errorMessage(deliveries.error, t.reports.couldNotLoad)}</p>
          : !deliveries.data ? <Skeleton height="44px" />
          : deliveries.data.items.length === 0 ? <p>{t.reports.noHistory}</p> : (
            <ul className="list">
              {deliveries.data.items.map((d) => (
                <li key={d.id} data-delivery={d.status}>
                  <div className="grow">
                    <div className="title">{scheduleName(d.scheduleId)} · {t.reports.status[d.status] ?? d.status}</div>
                    <div className="sub">{t.reports.trigger[d.trigger] ?? d.trigger} · {formatWhen(d.dueAt, locale, timeZone)} · {t.reports.delivered(d.sentTo, d.recipients)}{d.answer ? ` · ${d.answer}` : ''}</div>
                  </div>
                </li>
              ))}
            </ul>
          )}
      </Card>
    </>
  );
}
