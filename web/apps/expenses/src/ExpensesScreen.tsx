import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, type ModuleContext } from '@trackstack/api';
import { BigNumber, Button, Card, ColorBar, FormatProvider, Notice, Skeleton, TextField, bandFor, monthKey, monthLabel, useAsync, useFormat } from '@trackstack/ui';
import { expensesApi, n, type Entry, type ExpensesApi, type Settings } from './api';
import { EntryForm } from './EntryForm';
import { EntriesPanel } from './EntriesPanel';
import { ImportPanel } from './ImportPanel';
import { SettingsPanel } from './SettingsPanel';
import { parseAmountToCents, shiftMonth } from './logic';

export { shiftMonth };

export const TABS = [
  { id: 'month', label: 'Month' },
  { id: 'add', label: 'Add' },
  { id: 'entries', label: 'Entries' },
  { id: 'import', label: 'Import' },
  { id: 'settings', label: 'Settings' },
] as const;
export type Tab = (typeof TABS)[number]['id'];

function tabFromHash(): Tab {
  if (typeof location === 'undefined') return 'month';
  const h = location.hash.replace('#', '');
  return (TABS.find((t) => t.id === h)?.id ?? 'month') as Tab;
}

/** The Expenses screen: month sheet, add, entries, bank import and settings, one tab at a time (#month, #add, ...). */
/** The screen while the session loads (also the page's static HTML): the same boxes as the month sheet. */
export function ExpensesScreenSkeleton() {
  return (
    <>
      <h1>Expenses</h1>
      <nav className="tabs" aria-label="Expenses sections">{TABS.map((t) => <a key={t.id} href={`#${t.id}`} aria-current={t.id === 'month' ? 'page' : undefined}>{t.label}</a>)}</nav>
      <div className="month-nav"><span className="btn btn-secondary" aria-hidden="true">‹</span><span className="month-label"><Skeleton width="8rem" /></span><span className="btn btn-secondary" aria-hidden="true">›</span></div>
      <Card title="What is left" className="sheet" busy data-state="loading">
        <div className="bignumber"><span className="bignumber-value"><Skeleton width="60%" height="0.9em" /></span><span className="bignumber-caption"><Skeleton width="50%" /></span></div>
        {[0, 1, 2].map((i) => <div className="colorbar" key={i}><div className="colorbar-row"><Skeleton width="30%" /><Skeleton width="25%" /></div><div className="colorbar-track" /></div>)}
        <p className="comparison"><Skeleton width="80%" /></p>
      </Card>
    </>
  );
}

export function ExpensesScreen({ context }: { context: ModuleContext }) {
  return (
    <FormatProvider value={context.household}>
      <Screen context={context} />
    </FormatProvider>
  );
}

function Screen({ context }: { context: ModuleContext }) {
  const { household } = context;
  // Keyed by the household (not the context object, which the shell may rebuild) so typed values survive.
  const api = useMemo(() => expensesApi(context), [household.id, context.client]); // eslint-disable-line react-hooks/exhaustive-deps
  const [tab, setTabState] = useState<Tab>('month');
  const [month, setMonth] = useState(() => monthKey(context.now?.() ?? new Date(), household.timeZone));
  const [version, setVersion] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const settings = useAsync((signal) => api.settings(signal), [api, version]);
  const recent = useAsync((signal) => api.entries({ pageSize: 40 }, signal).then((p) => p.items), [api, version]);
  const unavailable = settings.status === 'error' && settings.error instanceof ApiError && settings.error.notFound;

  useEffect(() => {
    setTabState(tabFromHash());
    const on = () => setTabState(tabFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const setTab = useCallback((t: Tab) => {
    setTabState(t);
    if (typeof window !== 'undefined') window.scrollTo(0, 0);
    if (typeof history !== 'undefined') history.replaceState(null, '', `#${t}`);
  }, []);
  const changed = useCallback((message?: string) => { setVersion((v) => v + 1); if (message) setFlash(message); }, []);

  if (unavailable) {
    return (
      <>
        <h1>Expenses</h1>
        <Notice>
          <p><strong>Expenses are not available on this server.</strong></p>
          <p className="muted">The server you are using does not run the Expenses module (yet). Ask its operator, or check back after an update.</p>
        </Notice>
      </>
    );
  }
  const s = settings.data ?? null;
  return (
    <>
      <h1>Expenses</h1>
      <nav className="tabs" aria-label="Expenses sections">
        {TABS.map((t) => (
          <a key={t.id} href={`#${t.id}`} aria-current={tab === t.id ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setTab(t.id); setFlash(null); }}>{t.label}</a>
        ))}
      </nav>
      {flash ? <Notice kind="success"><p>{flash}</p></Notice> : null}
      {tab === 'month' && <MonthSheet api={api} month={month} setMonth={setMonth} version={version} onChanged={changed} onAdd={() => setTab('add')} locale={household.locale} />}
      {tab === 'add' && (
        <Card title="Add an expense" data-panel="add">
          <EntryForm api={api} settings={s} recent={recent.data ?? []} timeZone={household.timeZone} now={context.now}
            onDone={(r) => { changed(r.queued ? 'Saved on this device. It will be sent when you are back online.' : 'Expense saved.'); setTab('month'); }} />
        </Card>
      )}
      {tab === 'entries' && <EntriesPanel api={api} settings={s} month={month} version={version} onChanged={changed} timeZone={household.timeZone} />}
      {tab === 'import' && <ImportPanel api={api} month={month} settings={s} onChanged={changed} />}
      {tab === 'settings' && <SettingsPanel api={api} settings={s} settingsState={settings.status} onChanged={changed} />}
    </>
  );
}

function MonthSheet({ api, month, setMonth, version, onChanged, onAdd, locale }: {
  api: ExpensesApi; month: string; setMonth: (m: string) => void; version: number; onChanged: (m?: string) => void; onAdd: () => void; locale: string;
}) {
  const f = useFormat();
  const state = useAsync((signal) => api.month(month, signal), [api, month, version]);
  const obligations = useAsync((signal) => api.obligations(month, signal).catch(() => []), [api, month, version]);
  const [ticking, setTicking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // While a change reloads the month, the figures stay (no flash of skeletons); another month starts from skeletons.
  const data = state.status !== 'error' && state.data && state.data.month === month ? state.data : null;
  const income = data ? n(data.incomeCents) / 100 : 0;
  const remaining = data ? n(data.remainingCents) / 100 : 0;

  const toggle = async (id: string, done: boolean) => {
    setTicking(id); setError(null);
    try {
      if (done) await api.untick(month, id); else await api.tick(month, id);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not change it.');
    } finally {
      setTicking(null);
    }
  };

  return (
    <>
      <nav className="month-nav" aria-label="Month">
        <Button variant="secondary" onClick={() => setMonth(shiftMonth(month, -1))} aria-label="Previous month">‹</Button>
        <span className="month-label" aria-live="polite">{monthLabel(month, locale)}</span>
        <Button variant="secondary" onClick={() => setMonth(shiftMonth(month, 1))} aria-label="Next month">›</Button>
      </nav>
      {state.status === 'error' ? (
        <Notice kind="error"><p>{state.error instanceof ApiError ? state.error.message : 'Could not load the month.'}</p><Button variant="secondary" onClick={state.reload}>Try again</Button></Notice>
      ) : (
        <Card title="What is left" className="sheet" busy={!data} data-module="expenses" data-state={data && state.status === 'ready' ? 'ready' : 'loading'} action={<Button onClick={onAdd} className="btn-small">+ Add</Button>}>
          {data ? (
            <>
              <BigNumber band={bandFor(remaining, income)} value={<span data-remaining-cents={n(data.remainingCents)}>{f.money(remaining)}</span>}
                caption={`spent ${f.money(n(data.spentCents) / 100)} of ${f.money(income)}`} />
              {income <= 0 ? <p className="muted">No income set for this month yet. Set it under Settings to see the tanks fill.</p> : null}
              {data.tanks.map((t) => (
                <ColorBar key={t.key} label={t.name} remaining={n(t.remainingCents) / 100} budget={n(t.budgetCents) / 100} detail={`of ${f.money(n(t.budgetCents) / 100, { compact: true })}`} />
              ))}
              <Comparison data={data} />
              <MonthIncome api={api} month={month} incomeCents={n(data.incomeCents)} onChanged={onChanged} />
              <MonthStatus api={api} month={month} status={data.status} onChanged={onChanged} />
            </>
          ) : (
            <>
              <div className="bignumber"><span className="bignumber-value"><Skeleton width="60%" height="0.9em" /></span><span className="bignumber-caption"><Skeleton width="50%" /></span></div>
              {[0, 1, 2].map((i) => <div className="colorbar" key={i}><div className="colorbar-row"><Skeleton width="30%" /><Skeleton width="25%" /></div><div className="colorbar-track" /></div>)}
              <p className="comparison"><Skeleton width="80%" /></p>
            </>
          )}
        </Card>
      )}
      <Card title="To pay this month" busy={obligations.status === 'loading'} data-panel="obligations">
        {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
        {obligations.status === 'loading' && !obligations.data ? (
          <ul className="list">{[0, 1].map((i) => <li key={i}><span className="grow"><Skeleton width="50%" /></span><Skeleton width="5rem" height="44px" /></li>)}</ul>
        ) : (obligations.data ?? []).length === 0 ? (
          <p className="muted">Nothing to tick. Add bills you pay every month (rent, insurance) under Settings → Checklist.</p>
        ) : (
          <ul className="list">
            {(obligations.data ?? []).map((o) => {
              const done = o.status !== 'pending';
              return (
                <li key={o.id} data-obligation={o.title} data-status={o.status}>
                  <span className="grow">
                    <span className={['title', done ? 'done' : ''].join(' ')}>{o.title}</span>
                    <span className="sub">{f.money(n(o.amountCents) / 100)}{o.dueDay ? ` · due on day ${n(o.dueDay)}` : ''}{done ? ' · paid' : ''}</span>
                  </span>
                  <Button variant={done ? 'secondary' : 'primary'} busy={ticking === o.id} onClick={() => void toggle(o.id, done)} aria-pressed={done}
                    aria-label={done ? `Undo paid: ${o.title}` : `Mark paid: ${o.title}`}>{done ? '✓ Paid' : 'Pay'}</Button>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title="Spending by category" busy={!data}>
        {!data ? <ul className="list">{[0, 1, 2].map((i) => <li key={i}><span className="grow"><Skeleton width="40%" /></span><Skeleton width="4rem" /></li>)}</ul>
          : data.categories.length === 0 && n(data.uncategorisedCents) === 0 ? <p className="muted">No spending this month yet.</p> : (
            <ul className="list compact">
              {[...data.categories].sort((a, b) => n(b.spentCents) - n(a.spentCents)).map((c) => (
                <li key={c.id}><span className="grow"><span className="title inline">{c.name}</span> <span className="pill">{data.tanks.find((t) => t.key === c.tankKey)?.name ?? c.tankKey}</span></span><span className="num">{f.money(n(c.spentCents) / 100)}</span></li>
              ))}
              {n(data.uncategorisedCents) ? <li><span className="grow muted">No category</span><span className="num">{f.money(n(data.uncategorisedCents) / 100)}</span></li> : null}
            </ul>
          )}
        <p className="export-links">Export this month: <a href={api.exportUrl('csv', month)} download>CSV</a> · <a href={api.exportUrl('json', month)} download>JSON</a></p>
      </Card>
    </>
  );
}

const STATUS_WORDS: Record<string, string> = { open: 'open', closed: 'closed: no changes until it is reopened', notOpened: 'not opened yet (it opens with its first entry)' };

function MonthStatus({ api, month, status, onChanged }: { api: ExpensesApi; month: string; status: string; onChanged: (m?: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closed = status === 'closed';
  const run = async () => {
    setBusy(true); setError(null);
    try { if (closed) await api.openMonth(month); else await api.closeMonth(month); onChanged(closed ? 'Month reopened.' : 'Month closed.'); }
    catch (e) { setError(e instanceof ApiError ? e.message : 'Could not change the month.'); }
    finally { setBusy(false); }
  };
  return (
    <div className="month-status" data-month-status={status}>
      <span className="muted">This month is {STATUS_WORDS[status] ?? status}.</span>
      {status !== 'notOpened' ? <Button variant="secondary" className="btn-small" busy={busy} onClick={() => void run()}>{closed ? 'Reopen month' : 'Close month'}</Button> : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

function MonthIncome({ api, month, incomeCents, onChanged }: { api: ExpensesApi; month: string; incomeCents: number; onChanged: (m?: string) => void }) {
  const [value, setValue] = useState(incomeCents ? (incomeCents / 100).toFixed(2) : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const cents = parseAmountToCents(value);
    if (cents === null || cents < 0) { setError('Type the income as an amount, e.g. 3000 or 3000,00.'); return; }
    setBusy(true); setError(null);
    try { await api.setMonthIncome(month, cents); onChanged('Income for this month saved.'); }
    catch (e) { setError(e instanceof ApiError ? (e.fieldErrors.incomeCents ?? e.message) : 'Could not save it.'); }
    finally { setBusy(false); }
  };
  return (
    <details className="more">
      <summary>Change this month's income</summary>
      <form className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <TextField label="Income this month" name="monthIncome" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={error} />
        <Button type="submit" variant="secondary" busy={busy}>Save income</Button>
      </form>
    </details>
  );
}

function Comparison({ data }: { data: NonNullable<ReturnType<ExpensesApi['month']> extends Promise<infer T> ? T : never> }) {
  const f = useFormat();
  const c = data.comparison;
  if (c.previousAverageSpentCents === null || n(c.monthsCounted) === 0) return <p className="comparison muted">No earlier months to compare with yet.</p>;
  const delta = n(c.deltaCents) / 100;
  const pct = c.deltaPercent === null ? null : n(c.deltaPercent) / 100;
  const words = delta > 0 ? 'more than' : delta < 0 ? 'less than' : 'the same as';
  return (
    <p className="comparison" data-delta={delta}>
      {delta === 0 ? 'You spent the same as' : <>You spent <strong className={delta > 0 ? 'text-red' : 'text-green'}>{f.money(Math.abs(delta))}{pct !== null ? ` (${f.percent(Math.abs(pct))})` : ''}</strong> {words}</>}{' '}
      the average of the previous {n(c.monthsCounted) === 1 ? 'month' : `${n(c.monthsCounted)} months`} ({f.money(n(c.previousAverageSpentCents) / 100)}).
    </p>
  );
}

export type { Entry, Settings };
