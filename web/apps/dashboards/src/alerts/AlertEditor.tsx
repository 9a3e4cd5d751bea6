// An alert rule's form (admins): the metric and its filter as the widget form picks them, the kind's own fields,
// whom to e-mail and the webhook. The server's field errors show next to the fields; a failed save (offline, say)
// keeps everything typed.
import { useId, useState } from 'react';
import { Button, Card, Notice, SelectField, TextField, useAsync, useSubmit } from '@trackstack/ui';
import type { AlertRule, CreatedAlertRule, DashboardsApi, Member } from '../api';
import { ALERT_AGGS, ALERT_FIELDS, ALERT_KINDS, DURATION_UNITS, draftOf, toRequest, type AlertDraft, type DurationUnit } from './rules';
import { TestButton } from './TestResult';
import { t } from '../strings';

export function AlertEditor({ api, rule, members, me, locale, timeZone, online, onSaved, onCreated, onCancel }: {
  api: DashboardsApi; rule: AlertRule | null; members: Member[]; me: string; locale: string; timeZone: string; online: boolean;
  onSaved: (message: string) => void; onCreated: (created: CreatedAlertRule) => void; onCancel: () => void;
}) {
  const listId = useId();
  const [d, setD] = useState<AlertDraft>(() => draftOf(rule, me, locale));
  const set = (patch: Partial<AlertDraft>) => setD((x) => ({ ...x, ...patch }));
  const s = useSubmit(ALERT_FIELDS);
  const metrics = useAsync((signal) => api.metrics(signal), [api]);
  const products = useAsync((signal) => api.products(signal).then((p) => p.items, () => []), [api]);
  const metric = d.metric.trim();
  const tags = useAsync((signal) => (metric ? api.tags(metric, signal).catch(() => []) : Promise.resolve([])), [api, metric]);
  const where = d.where[0] ?? '';
  const err = s.fieldErrors;

  const submit = s.onSubmit(async () => {
    const request = toRequest(d);
    if (request.errors) return s.invalid(request.errors);
    if (rule) {
      const saved = await api.saveAlert(rule.id, request.body);
      onSaved(t.alerts.saved(saved.name));
    } else {
      onCreated(await api.createAlert(request.body));
    }
  });
  const toggle = (id: string) => set({ notifyUserIds: d.notifyUserIds.includes(id) ? d.notifyUserIds.filter((x) => x !== id) : [...d.notifyUserIds, id] });
  const units = DURATION_UNITS.map((u) => ({ value: u, label: t.alerts.units[u] }));
  // The amount and its unit read as one field: the unit's label is for screen readers only.
  const duration = (label: string, name: 'window' | 'bucket', amount: string, unit: DurationUnit, onAmount: (v: string) => void, onUnit: (v: DurationUnit) => void) => (
    <div className="two duration">
      <TextField label={label} name={name} inputMode="numeric" value={amount} error={err[name]} onChange={(e) => onAmount(e.target.value)} />
      <div className="field">
        <label htmlFor={`${listId}-${name}-unit`} className="visually-hidden">{t.alerts.windowUnit(label)}</label>
        <select id={`${listId}-${name}-unit`} name={`${name}Unit`} value={unit} onChange={(e) => onUnit(e.target.value as DurationUnit)}>
          {units.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
  const thresholdKind = d.kind === 'above' || d.kind === 'below';
  const agg = (
    <SelectField label={t.alerts.agg} name="agg" value={d.agg} error={err.agg}
      options={ALERT_AGGS.map((a) => ({ value: a, label: t.alerts.aggs[a] }))} onChange={(e) => set({ agg: e.target.value })} />
  );
  // Names missing from the member list (someone who left) are kept and shown by id rather than dropped unseen.
  const others = d.notifyUserIds.filter((id) => !members.some((m) => m.userId === id));

  return (
    <Card title={rule ? t.alerts.editRule(rule.name) : t.alerts.newRule} data-panel="alert-editor" data-editing={rule?.id ?? 'new'}>
      <form ref={s.formRef} onSubmit={submit} noValidate className="inline-form alert-form">
        {!online ? <Notice kind="warning"><p data-offline-note>{t.alerts.offline}</p></Notice> : null}
        <TextField label={t.alerts.name} name="name" value={d.name} maxLength={100} hint={t.alerts.nameHint} error={err.name} onChange={(e) => set({ name: e.target.value })} />
        <TextField label={t.alerts.metric} name="metric" value={d.metric} list={listId} autoComplete="off" spellCheck={false} error={err.metric}
          hint={metrics.status === 'error' ? t.alerts.couldNotLoadMetrics : t.alerts.metricHint}
          onChange={(e) => set({ metric: e.target.value, where: [] })} />
        <datalist id={listId}>{(metrics.data ?? []).map((m) => <option key={m.metric} value={m.metric} />)}</datalist>
        <div className="two">
          <SelectField label={t.alerts.where} name="where" value={where} error={err.where}
            options={[
              { value: '', label: t.alerts.noFilter },
              ...(where && !(tags.data ?? []).some((k) => k.values.some((v) => `${k.key}:${v}` === where)) ? [{ value: where, label: where.replace(':', ' = ') }] : []),
              ...(tags.data ?? []).flatMap((k) => k.values.map((v) => ({ value: `${k.key}:${v}`, label: `${k.key} = ${v}` }))),
            ]}
            onChange={(e) => set({ where: [...(e.target.value ? [e.target.value] : []), ...d.where.slice(1)] })} />
          {products.data && products.data.length > 1 ? (
            <SelectField label={t.alerts.product} name="productId" value={d.productId} error={err.productId}
              options={[{ value: '', label: t.alerts.allProducts }, ...products.data.map((p) => ({ value: p.id, label: p.name }))]}
              onChange={(e) => set({ productId: e.target.value })} />
          ) : <div />}
        </div>
        <SelectField label={t.alerts.kind} name="kind" value={d.kind} error={err.kind}
          options={ALERT_KINDS.map((k) => ({ value: k, label: t.alerts.kinds[k] }))} onChange={(e) => set({ kind: e.target.value })} />
        {thresholdKind ? (
          <>
            <div className="two">
              {agg}
              <TextField label={t.alerts.threshold} name="threshold" inputMode="decimal" value={d.threshold} error={err.threshold} onChange={(e) => set({ threshold: e.target.value })} />
            </div>
            {duration(t.alerts.window, 'window', d.windowAmount, d.windowUnit, (v) => set({ windowAmount: v }), (v) => set({ windowUnit: v }))}
          </>
        ) : null}
        {d.kind === 'noData' ? duration(t.alerts.silence, 'window', d.windowAmount, d.windowUnit, (v) => set({ windowAmount: v }), (v) => set({ windowUnit: v })) : null}
        {d.kind === 'spike' ? (
          <>
            {agg}
            {duration(t.alerts.bucket, 'bucket', d.bucketAmount, d.bucketUnit, (v) => set({ bucketAmount: v }), (v) => set({ bucketUnit: v }))}
            <>
              <TextField label={t.alerts.buckets} name="buckets" inputMode="numeric" value={d.buckets} hint={t.alerts.bucketsHint} error={err.buckets} onChange={(e) => set({ buckets: e.target.value })} />
              <TextField label={t.alerts.deviations} name="deviations" inputMode="decimal" value={d.deviations} hint={t.alerts.deviationsHint} error={err.deviations} onChange={(e) => set({ deviations: e.target.value })} />
            </>
          </>
        ) : null}
        <fieldset className="checks" aria-invalid={err.notifyUserIds ? true : undefined} aria-describedby="alert-notify-hint">
          <legend>{t.alerts.notify}</legend>
          <p className="field-hint" id="alert-notify-hint">{t.alerts.notifyHint}</p>
          {members.map((m) => (
            <label key={m.userId}><input type="checkbox" name="notify" value={m.userId} checked={d.notifyUserIds.includes(m.userId)} onChange={() => toggle(m.userId)} /> {m.displayName} <span className="muted">{m.email}</span></label>
          ))}
          {others.map((id) => (
            <label key={id}><input type="checkbox" name="notify" value={id} checked onChange={() => toggle(id)} /> {t.alerts.unknownMember}</label>
          ))}
          {err.notifyUserIds ? <p className="field-error">{err.notifyUserIds}</p> : null}
        </fieldset>
        <TextField label={t.alerts.webhook} name="webhookUrl" type="url" inputMode="url" autoComplete="off" spellCheck={false} value={d.webhookUrl}
          hint={t.alerts.webhookHint} error={err.webhookUrl} onChange={(e) => set({ webhookUrl: e.target.value })} />
        <label><input type="checkbox" name="enabled" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> {t.alerts.enabled}</label>
        {/* Next to the button just pressed: on a phone the top of the form is out of sight by now. */}
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        <div className="actions">
          <Button type="submit" busy={s.busy}>{rule ? t.alerts.save : t.alerts.create}</Button>
          {rule ? <Button variant="ghost" onClick={onCancel}>{t.alerts.cancel}</Button> : null}
        </div>
      </form>
      {rule ? <TestButton api={api} rule={rule} locale={locale} timeZone={timeZone} /> : null}
    </Card>
  );
}
