// A report schedule's form: what to send, when (with the next three sends as the server computes them in the
// household's time zone), what period it covers and to whom.
import { useEffect, useState } from 'react';
import { Button, Card, Notice, SelectField, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { DashboardSummary, DashboardsApi, Member, Schedule, ScheduleBody } from '../api';
import { formatWhen } from './when';
import { t } from '../strings';

type Draft = { name: string; dashboardId: string; frequency: string; weekday: string; dayOfMonth: string; sendAt: string; cron: string; period: string; recipients: string[]; guests: string; widgets: number[]; enabled: boolean };

function draftOf(s: Schedule | null, dashboards: DashboardSummary[], me: string): Draft {
  return s
    ? { name: s.name, dashboardId: s.dashboardId, frequency: s.frequency, weekday: String(s.weekday ?? 1), dayOfMonth: String(s.dayOfMonth ?? 1), sendAt: s.sendAt ?? '08:00', cron: s.cron ?? '', period: s.period, recipients: [...s.recipients], guests: s.guests.map((g) => g.email).join(', '), widgets: [...(s.widgets ?? [])], enabled: s.enabled }
    : { name: '', dashboardId: dashboards[0]?.id ?? '', frequency: 'weekly', weekday: '1', dayOfMonth: '1', sendAt: '08:00', cron: '', period: '', recipients: me ? [me] : [], guests: '', widgets: [], enabled: true };
}

/** The outside addresses as typed: separated by commas, semicolons, spaces or lines. */
export function guestList(text: string): string[] {
  return text.split(/[\s,;]+/).map((x) => x.trim()).filter((x) => x.length > 0);
}

/** The period a frequency covers unless the user picks another (a cron needs one). */
const defaultPeriod: Record<string, string> = { daily: 'day', weekly: 'week', monthly: 'month', cron: 'week' };

export function ScheduleEditor({ api, schedule, dashboards, members, me, timeZone, locale, onDone }: {
  api: DashboardsApi; schedule: Schedule | null; dashboards: DashboardSummary[]; members: Member[]; me: string; timeZone: string; locale: string;
  onDone: (message?: string) => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(schedule, dashboards, me));
  // The panel keys this form by the schedule (and a counter after each save), so a new one starts from scratch; a
  // reload of the lists keeps what was typed. The first dashboard becomes the default once the list has arrived.
  useEffect(() => { if (!d.dashboardId && dashboards[0]) setD((x) => ({ ...x, dashboardId: dashboards[0].id })); }, [dashboards, d.dashboardId]);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const s = useSubmit(['name', 'dashboardId', 'frequency', 'weekday', 'dayOfMonth', 'sendAt', 'cron', 'period', 'recipients', 'guests', 'widgets']);
  const times = useAsync((signal) => api.sendTimes({
    frequency: d.frequency,
    ...(d.frequency === 'weekly' ? { weekday: Number(d.weekday) } : {}),
    ...(d.frequency === 'monthly' ? { dayOfMonth: Number(d.dayOfMonth) } : {}),
    ...(d.frequency === 'cron' ? { cron: d.cron } : { sendAt: d.sendAt }),
  }, signal), [api, d.frequency, d.weekday, d.dayOfMonth, d.sendAt, d.cron]);

  // The chosen dashboard's widgets, to send only some of them (none ticked: all).
  const board = useAsync((signal) => (d.dashboardId ? api.get(d.dashboardId, signal) : Promise.resolve(null)), [api, d.dashboardId]);
  const toggleWidget = (i: number) => set({ widgets: d.widgets.includes(i) ? d.widgets.filter((w) => w !== i) : [...d.widgets, i].sort((a, b) => a - b) });

  const submit = s.onSubmit(async () => {
    if (!d.name.trim()) return s.invalid({ name: t.reports.nameNeeded });
    const body: ScheduleBody = {
      name: d.name.trim(), dashboardId: d.dashboardId, frequency: d.frequency,
      weekday: d.frequency === 'weekly' ? Number(d.weekday) : null,
      dayOfMonth: d.frequency === 'monthly' ? Number(d.dayOfMonth) : null,
      cron: d.frequency === 'cron' ? d.cron : null,
      sendAt: d.frequency === 'cron' ? null : d.sendAt,
      period: d.period || defaultPeriod[d.frequency] || null,
      recipients: d.recipients, guests: guestList(d.guests), widgets: d.widgets.length ? d.widgets : null, enabled: d.enabled,
    };
    const saved = schedule ? await api.saveSchedule(schedule.id, body) : await api.createSchedule(body);
    onDone(schedule ? t.reports.saved(saved.name) : t.reports.created(saved.name));
  });
  const toggle = (id: string) => set({ recipients: d.recipients.includes(id) ? d.recipients.filter((r) => r !== id) : [...d.recipients, id] });
  const days = [...Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })), { value: '-1', label: t.reports.lastDay }];
  return (
    <Card title={schedule ? t.reports.editReport(schedule.name) : t.reports.newReport} data-panel="schedule-editor">
      <form ref={s.formRef} onSubmit={submit} noValidate className="inline-form">
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        <div className="two">
          <TextField label={t.reports.name} name="name" value={d.name} maxLength={100} error={s.fieldErrors.name} onChange={(e) => set({ name: e.target.value })} />
          <SelectField label={t.reports.dashboard} name="dashboardId" value={d.dashboardId} error={s.fieldErrors.dashboardId}
            options={dashboards.map((x) => ({ value: x.id, label: x.name }))} onChange={(e) => set({ dashboardId: e.target.value, widgets: [] })} />
        </div>
        {board.data && board.data.widgets.length > 1 ? (
          <fieldset className="checks" data-widgets aria-invalid={s.fieldErrors.widgets ? true : undefined}>
            <legend>{t.reports.widgets}</legend>
            <p className="muted">{t.reports.widgetsHint}</p>
            {board.data.widgets.map((w, i) => (
              <label key={i}><input type="checkbox" name="widget" value={i} checked={d.widgets.includes(i)} onChange={() => toggleWidget(i)} /> {w.title}</label>
            ))}
            {s.fieldErrors.widgets ? <p className="field-error">{s.fieldErrors.widgets}</p> : null}
          </fieldset>
        ) : null}
        <div className="two">
          <SelectField label={t.reports.frequency} name="frequency" value={d.frequency} error={s.fieldErrors.frequency}
            options={Object.entries(t.reports.frequencies).map(([value, label]) => ({ value, label }))} onChange={(e) => set({ frequency: e.target.value })} />
          {d.frequency === 'weekly' ? (
            <SelectField label={t.reports.weekday} name="weekday" value={d.weekday} error={s.fieldErrors.weekday}
              options={t.reports.weekdays.map((label, i) => ({ value: String(i + 1), label }))} onChange={(e) => set({ weekday: e.target.value })} />
          ) : d.frequency === 'monthly' ? (
            <SelectField label={t.reports.dayOfMonth} name="dayOfMonth" value={d.dayOfMonth} error={s.fieldErrors.dayOfMonth} options={days} onChange={(e) => set({ dayOfMonth: e.target.value })} />
          ) : null}
        </div>
        <div className="two">
          {d.frequency === 'cron'
            ? <TextField label={t.reports.cron} name="cron" value={d.cron} hint={t.reports.cronHint} error={s.fieldErrors.cron} onChange={(e) => set({ cron: e.target.value })} />
            : <TextField label={t.reports.sendAt} name="sendAt" type="time" value={d.sendAt} error={s.fieldErrors.sendAt} onChange={(e) => set({ sendAt: e.target.value })} />}
          <SelectField label={t.reports.period} name="period" value={d.period || defaultPeriod[d.frequency] || 'week'} error={s.fieldErrors.period}
            options={Object.entries(t.reports.periods).map(([value, label]) => ({ value, label }))} onChange={(e) => set({ period: e.target.value })} />
        </div>
        <div data-next-sends={times.status}>
          <h3 className="subhead">{t.reports.nextSends}</h3>
          {times.data ? <ul className="plain">{times.data.nextSends.map((x) => <li key={x}>{formatWhen(x, locale, timeZone)}</li>)}</ul>
            : <p className="muted">{t.reports.noNextSends}</p>}
        </div>
        <fieldset className="checks" aria-invalid={s.fieldErrors.recipients ? true : undefined}>
          <legend>{t.reports.recipients}</legend>
          {members.map((m) => (
            <label key={m.userId}><input type="checkbox" name="recipient" value={m.userId} checked={d.recipients.includes(m.userId)} onChange={() => toggle(m.userId)} /> {m.displayName} <span className="muted">{m.email}</span></label>
          ))}
          {s.fieldErrors.recipients ? <p className="field-error">{s.fieldErrors.recipients}</p> : null}
        </fieldset>
        <TextField label={t.reports.guests} name="guests" type="email" multiple value={d.guests} hint={t.reports.guestsHint} error={s.fieldErrors.guests}
          autoComplete="off" onChange={(e) => set({ guests: e.target.value })} />
        {schedule && schedule.guests.length > 0 ? (
          <ul className="plain" data-guests>
            {schedule.guests.map((g) => <li key={g.email}>{g.email} <span className="muted">· {t.reports.guestStatus[g.status] ?? g.status}</span></li>)}
          </ul>
        ) : null}
        <label><input type="checkbox" name="enabled" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> {t.reports.enabled}</label>
        <div className="actions">
          <Button type="submit" busy={s.busy}>{schedule ? t.reports.save : t.reports.create}</Button>
          {schedule ? <Button variant="ghost" onClick={() => onDone()}>{t.reports.cancel}</Button> : null}
        </div>
      </form>
    </Card>
  );
}
