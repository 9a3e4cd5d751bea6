// The alerts tab: the household's alert rules with their condition in words, state and current value, "Test now",
// each rule's firing history, and the editor (owners and admins; the others read).
import { useEffect, useState } from 'react';
import { errorMessage, type ModuleContext } from '@trackstack/api';
import { Button, Card, Notice, Skeleton, canChangeSettings, useAsync, useSubmit } from '@trackstack/ui';
import type { AlertRule, AlertTest, CreatedAlertRule, DashboardsApi } from '../api';
import { CopyButton } from '../keys/CopyButton';
import { formatWhen } from '../reports/when';
import { AlertEditor } from './AlertEditor';
import { AlertHistory } from './AlertHistory';
import { TestResult } from './TestResult';
import { conditionWords, formatAlertValue, ruleStatus } from './rules';
import { t } from '../strings';

/** Whether the browser believes it is online (writes are refused by the network meanwhile; the form says so). */
function useOnline() {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const on = () => setOnline(true), off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}

export function AlertsPanel({ api, context, version, changed }: {
  api: DashboardsApi; context: ModuleContext; version: number; changed: (message?: string, kind?: 'success' | 'error') => void;
}) {
  const { locale, timeZone, role } = context.household;
  const admin = canChangeSettings(role);
  const canTest = role !== 'viewer';
  const online = useOnline();
  const now = context.now ?? (() => new Date());
  const rules = useAsync((signal) => api.alerts(signal), [api, version]);
  const members = useAsync((signal) => api.members(signal), [api]);
  const products = useAsync((signal) => api.products(signal).then((p) => p.items, () => []), [api]);
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const [created, setCreated] = useState<CreatedAlertRule | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  // A new, empty form after each create (the form is keyed by the rule it edits, and a new rule has none).
  const [fresh, setFresh] = useState(0);
  const [tests, setTests] = useState<Record<string, AlertTest>>({});
  const actions = useSubmit();
  const me = context.userId ?? '';
  const productName = (id: string | null) => (id ? products.data?.find((p) => p.id === id)?.name ?? null : null);

  const remove = (r: AlertRule) => {
    if (!confirm(t.alerts.deleteConfirm(r.name))) return;
    void actions.run(async () => {
      await api.deleteAlert(r.id);
      if (editing?.id === r.id) setEditing(null);
      changed(t.alerts.deleted(r.name));
    }, `delete-${r.id}`);
  };
  const test = (r: AlertRule) => void actions.run(async () => {
    const result = await api.testAlert(r.id);
    setTests((all) => ({ ...all, [r.id]: result }));
  }, `test-${r.id}`);
  const items = rules.data?.items ?? [];

  return (
    <>
      <Card title={t.alerts.rules} data-panel="alerts" data-state={rules.status}>
        <p className="muted">{t.alerts.intro}</p>
        {!admin ? <p className="muted" data-read-only="true">{t.alerts.onlyAdmins}</p> : null}
        {actions.formError ? <Notice kind="error"><p>{actions.formError}</p></Notice> : null}
        {rules.status === 'error' && !rules.data ? <p>{errorMessage(rules.error, t.alerts.couldNotLoad)}</p>
          : !rules.data ? <Skeleton height="56px" />
          : items.length === 0 ? <p>{t.alerts.none}</p> : (
            <ul className="list alert-list">
              {items.map((r) => (
                <RuleRow key={r.id} api={api} rule={r} locale={locale} timeZone={timeZone} product={productName(r.productId)}
                  admin={admin} canTest={canTest} busyWith={actions.busyWith} test={tests[r.id]} historyOpen={open === r.id} version={version} now={now}
                  onTest={() => test(r)} onEdit={() => { setCreated(null); setEditing(r); }} onDelete={() => remove(r)}
                  onHistory={() => setOpen((x) => (x === r.id ? null : r.id))} />
              ))}
            </ul>
          )}
      </Card>
      {created ? <CreatedSecret created={created} onDone={() => setCreated(null)} /> : null}
      {admin && members.data ? (
        <AlertEditor key={editing ? `${editing.id}:${editing.version}` : `new-${fresh}`} api={api} rule={editing} members={members.data} me={me}
          locale={locale} timeZone={timeZone} online={online}
          onSaved={(message) => { setEditing(null); changed(message); }}
          onCreated={(c) => { setEditing(null); setFresh((n) => n + 1); setCreated(c); changed(t.alerts.created(c.rule.name)); }}
          onCancel={() => setEditing(null)} />
      ) : admin && members.status === 'error' ? <Notice kind="error"><p>{errorMessage(members.error, t.alerts.couldNotLoad)}</p></Notice> : null}
    </>
  );
}

function RuleRow({ api, rule, locale, timeZone, product, admin, canTest, busyWith, test, historyOpen, version, now, onTest, onEdit, onDelete, onHistory }: {
  api: DashboardsApi; rule: AlertRule; locale: string; timeZone: string; product: string | null; admin: boolean; canTest: boolean;
  busyWith: string | null; test: AlertTest | undefined; historyOpen: boolean; version: number; now: () => Date;
  onTest: () => void; onEdit: () => void; onDelete: () => void; onHistory: () => void;
}) {
  const status = ruleStatus(rule);
  // A firing rule says since when: the open episode is the newest one.
  const open = useAsync((signal) => (rule.state === 'firing' ? api.firings(rule.id, 1, 1, signal).then((p) => p.items[0] ?? null) : Promise.resolve(null)),
    [api, rule.id, rule.currentFiringId, rule.state]);
  const stateLabel = t.alerts.state[status];
  const since = status === 'firing' && open.data ? t.alerts.since(stateLabel, formatWhen(open.data.firedAt, locale, timeZone))
    : rule.lastEvaluatedAt && status !== 'pending' ? t.alerts.checked(stateLabel, formatWhen(rule.lastEvaluatedAt, locale, timeZone))
    : stateLabel;
  const notify = [
    rule.notifyUserIds.length ? t.alerts.notifies(rule.notifyUserIds.length) : null,
    rule.webhookUrl ? t.alerts.webhookOn : null,
  ].filter(Boolean).join(' · ');
  return (
    <li data-alert={rule.name} data-status={status} className="alert-row">
      <div className="alert-main">
        <div className="grow">
          <div className="title">{rule.name}</div>
          <div className="sub" data-condition-words>{conditionWords(rule, locale)}{product ? t.alerts.condition.fromProduct(product) : ''}{notify ? ` · ${notify}` : ''}</div>
          <div className="alert-status">
            <span className={`pill alert-pill alert-${status}`} data-alert-state={status}>{since}</span>
            <span className="alert-value">{t.alerts.value}: <strong className="num" data-alert-value={rule.lastValue ?? ''}>{formatAlertValue(rule.lastValue, locale)}</strong></span>
          </div>
        </div>
        <div className="alert-actions">
          {canTest ? <Button variant="secondary" className="btn-small" aria-label={t.alerts.testNamed(rule.name)} busy={busyWith === `test-${rule.id}`} onClick={onTest}>{t.alerts.test}</Button> : null}
          <Button variant="ghost" aria-expanded={historyOpen} aria-label={historyOpen ? t.alerts.hideHistoryNamed(rule.name) : t.alerts.historyNamed(rule.name)} onClick={onHistory}>{historyOpen ? t.alerts.hideHistory : t.alerts.history}</Button>
          {admin ? <Button variant="ghost" aria-label={t.alerts.editNamed(rule.name)} onClick={onEdit}>{t.alerts.edit}</Button> : null}
          {admin ? <Button variant="ghost" aria-label={t.alerts.removeNamed(rule.name)} busy={busyWith === `delete-${rule.id}`} onClick={onDelete}>{t.alerts.remove}</Button> : null}
        </div>
      </div>
      {test ? <TestResult rule={rule} result={test} locale={locale} timeZone={timeZone} /> : null}
      {historyOpen ? <AlertHistory api={api} rule={rule} locale={locale} timeZone={timeZone} version={version} now={now} /> : null}
    </li>
  );
}

/** The webhook secret of a rule just created: shown this once, as a new API key is. */
function CreatedSecret({ created, onDone }: { created: CreatedAlertRule; onDone: () => void }) {
  const id = `alert-secret-${created.rule.id}`;
  return (
    <Card title={t.alerts.secretTitle} data-panel="alert-secret" data-secret-for={created.rule.id}>
      <div className="key-secret">
        <p>{t.alerts.secretOnce}</p>
        <label htmlFor={id}>{t.alerts.secretLabel}</label>
        <div className="copy-row">
          <input id={id} name="webhookSecret" readOnly value={created.webhookSecret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <CopyButton text={created.webhookSecret} fallbackId={id} />
        </div>
        <div><Button variant="ghost" onClick={onDone}>{t.alerts.dismiss}</Button></div>
      </div>
    </Card>
  );
}
