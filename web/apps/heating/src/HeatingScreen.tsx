import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, newClientId, splitFieldErrors, type ModuleContext } from '@trackstack/api';
import { Button, Card, FormatProvider, Notice, SelectField, Skeleton, TextField, useAsync, useFocusFirstInvalid, useFormat } from '@trackstack/ui';
import { heatingApi, num, type Analysis, type HeatingApi, type HeatingSettings, type Summary, type TemperatureImport } from './api';
import { SeasonBars, SignatureChart } from './charts';
import { fitQuality, intervalPoints, shortMonth, unitWord } from './logic';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'stock', label: 'Stock' },
  { id: 'temperatures', label: 'Weather' },
  { id: 'settings', label: 'Settings' },
] as const;
type Tab = (typeof TABS)[number]['id'];
const tabFromHash = (): Tab => (TABS.find((t) => `#${t.id}` === (typeof location === 'undefined' ? '' : location.hash))?.id ?? 'overview');

function today(timeZone: string, now = new Date()) {
  try { return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now); } catch { return now.toISOString().slice(0, 10); }
}

/** The Heating screen: one-tap refill, figures in plain words, charts, stock and purchases, temperatures, settings. */
/** The screen while the session loads (also the page's static HTML): the same boxes as the overview. */
export function HeatingScreenSkeleton() {
  return (
    <>
      <h1>Heating</h1>
      <nav className="tabs" aria-label="Heating sections">{TABS.map((t) => <a key={t.id} href={`#${t.id}`} aria-current={t.id === 'overview' ? 'page' : undefined}>{t.label}</a>)}</nav>
      <Card title="Log a refill" busy><Skeleton height="48px" /><Skeleton height="44px" width="50%" /><Skeleton height="56px" /></Card>
      <Card title="At a glance" busy data-state="loading">
        <div className="stats">
          {[0, 1].map((i) => <div className="stat" key={i}><span className="stat-value"><Skeleton width="3ch" height="0.9em" /></span><span className="stat-label"><Skeleton width="80%" /></span></div>)}
          <div className="stat wide"><span className="stat-value"><Skeleton width="3ch" height="0.9em" /></span><span className="stat-label"><Skeleton width="70%" /></span></div>
        </div>
      </Card>
    </>
  );
}

export function HeatingScreen({ context }: { context: ModuleContext }) {
  return <FormatProvider value={context.household}><Screen context={context} /></FormatProvider>;
}

function Screen({ context }: { context: ModuleContext }) {
  const api = useMemo(() => heatingApi(context), [context.household.id, context.client]); // eslint-disable-line react-hooks/exhaustive-deps
  const [tab, setTabState] = useState<Tab>('overview');
  const [version, setVersion] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const settings = useAsync((s) => api.settings(s), [api, version]);
  const unavailable = settings.status === 'error' && settings.error instanceof ApiError && settings.error.notFound;
  useEffect(() => {
    setTabState(tabFromHash());
    const on = () => setTabState(tabFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const setTab = (t: Tab) => { setTabState(t); setFlash(null); window.scrollTo(0, 0); history.replaceState(null, '', `#${t}`); };
  const changed = useCallback((m?: string) => { setVersion((v) => v + 1); setFlash(m ?? null); }, []);

  if (unavailable) {
    return (
      <>
        <h1>Heating</h1>
        <Notice>
          <p><strong>Heating is not available on this server.</strong></p>
          <p className="muted">The server you are using does not run the Heating module (yet). Ask its operator, or check back after an update.</p>
        </Notice>
      </>
    );
  }
  const s = settings.data ?? null;
  const tz = context.household.timeZone;
  return (
    <>
      <h1>Heating</h1>
      <nav className="tabs" aria-label="Heating sections">
        {TABS.map((t) => <a key={t.id} href={`#${t.id}`} aria-current={tab === t.id ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setTab(t.id); }}>{t.label}</a>)}
      </nav>
      {flash ? <Notice kind="success"><p>{flash}</p></Notice> : null}
      {tab === 'overview' && (
        <>
          <RefillCard api={api} settings={s} timeZone={tz} onChanged={changed} />
          <Overview api={api} version={version} />
        </>
      )}
      {tab === 'stock' && <StockPanel api={api} settings={s} timeZone={tz} version={version} onChanged={changed} />}
      {tab === 'temperatures' && <><TemperaturePanel api={api} onChanged={changed} /><WeatherFetch api={api} settings={s} onChanged={changed} /></>}
      {tab === 'settings' && (s ? <SettingsForm api={api} settings={s} onChanged={changed} /> : <Card title="Settings" busy><Skeleton height="48px" /><Skeleton height="48px" /></Card>)}
    </>
  );
}

const QTY_KEY = 'ts.heating.refillQuantity';

function RefillCard({ api, settings, timeZone, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; timeZone: string; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const metered = settings?.meterBased ?? false;
  const unit = settings?.unit ?? 'bag';
  const [qty, setQty] = useState<string>(() => (typeof localStorage !== 'undefined' && localStorage.getItem(QTY_KEY)) || '2');
  const [date, setDate] = useState(() => today(timeZone));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const [formError, setFormError] = useState<string | null>(null);
  const quantity = Number(qty.replace(',', '.'));
  const step = (d: number) => setQty((q) => String(Math.max(0, Math.round(((Number(q.replace(',', '.')) || 0) + d) * 100) / 100)));

  const log = async () => {
    setErrors({}); setFormError(null);
    if (!Number.isFinite(quantity) || quantity <= 0) { setErrors({ [metered ? 'meterReading' : 'quantity']: metered ? 'Type the meter reading.' : 'How much went in?' }); return; }
    setBusy(true);
    try {
      const id = newClientId();
      const r = await api.logRefill({ id, date, quantity: metered ? null : quantity, meterReading: metered ? quantity : null, note: null },
        metered ? `Meter reading ${f.number(quantity)}` : `Refill ${f.number(quantity)} ${unitWord(unit, quantity)}`);
      if (!metered) try { localStorage.setItem(QTY_KEY, qty); } catch { /* private mode */ }
      onChanged(r.queued ? 'Refill saved on this device. It will be sent when you are back online.' : `Refill logged: ${f.number(quantity)} ${metered ? '' : unitWord(unit, quantity)}.`);
    } catch (e) {
      if (e instanceof ApiError) { const s = splitFieldErrors(e, ['quantity', 'meterReading', 'date']); setErrors(s.fields); setFormError(s.formMessage); }
      else setFormError('Could not log the refill.');
    } finally { setBusy(false); }
  };

  return (
    <Card title={metered ? 'Meter reading' : 'Log a refill'} data-panel="refill">
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void log(); }}>
        <div className="stepper">
          {!metered ? <Button variant="secondary" onClick={() => step(-1)} aria-label="One less">−</Button> : null}
          <TextField label={metered ? 'Reading' : `Quantity (${unitWord(unit, 2)})`} name="quantity" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} error={errors.quantity ?? errors.meterReading} />
          {!metered ? <Button variant="secondary" onClick={() => step(1)} aria-label="One more">+</Button> : null}
        </div>
        <details className="more">
          <summary>Another day ({f.date(date + 'T12:00:00Z')})</summary>
          <TextField label="Date" name="refillDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        </details>
        {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
        <Button type="submit" busy={busy} block className="btn-big">{metered ? 'Save reading' : `Log refill: ${Number.isFinite(quantity) ? f.number(quantity) : '?'} ${unitWord(unit, quantity)}`}</Button>
      </form>
    </Card>
  );
}

function Overview({ api, version }: { api: HeatingApi; version: number }) {
  const f = useFormat();
  const summary = useAsync((s) => api.summary(s), [api, version]);
  const analysis = useAsync((s) => api.analysis(s), [api, version]);
  const sm = summary.status === 'ready' ? summary.data! : null;
  const an = analysis.status === 'ready' ? analysis.data! : null;
  return (
    <>
      <Card title="At a glance" busy={!sm} data-module="heating" data-state={summary.status}>
        {summary.status === 'error' ? <Notice kind="error"><p>{summary.error instanceof ApiError ? summary.error.message : 'Could not load heating.'}</p></Notice> : <Glance s={sm} />}
      </Card>
      <Card title="What the numbers say" busy={analysis.status === 'loading'} data-panel="analysis">
        {analysis.status === 'error' ? <p className="muted">{analysis.error instanceof ApiError ? analysis.error.message : 'Could not load the analysis.'}</p>
          : !an ? <><Skeleton width="90%" /><Skeleton width="80%" /><Skeleton width="85%" /><Skeleton width="60%" /></> : <Explained a={an} />}
      </Card>
      <Card title="Charts" busy={analysis.status === 'loading'} data-panel="charts">
        {analysis.status === 'error' ? <p className="muted">No charts without the analysis.</p> : !an ? <Skeleton height="200px" /> : <Charts a={an} />}
      </Card>
    </>
  );
}

function Glance({ s }: { s: Summary | null }) {
  const f = useFormat();
  const v = (x: number | string | null | undefined, render: (n: number) => string) => (s === null ? <Skeleton width="3ch" height="0.9em" /> : num(x) === null ? '–' : render(num(x)!));
  const whole = (n: number) => f.number(n, { maximumFractionDigits: 0 });
  const days = s ? num(s.daysOfStockLeft) : null;
  const stockBand = days === null ? '' : days < 7 ? 'band-red' : days < 21 ? 'band-yellow' : '';
  const unit = s?.unit ?? '';
  const cur = s ? num(s.seasonToDate.units) ?? 0 : 0;
  const last = s ? num(s.lastSeasonSameDate.units) ?? 0 : 0;
  const pct = s ? num(s.deltaPct) : null;
  return (
    <div className="stats">
      <div className="stat"><span className="stat-value" data-figure="days-since-refill">{v(s?.daysSinceLastRefill, whole)}</span><span className="stat-label">days since the last refill</span></div>
      <div className={`stat ${stockBand}`}><span className="stat-value" data-figure="stock">{v(s?.stockOnHand, (n) => f.number(n, { maximumFractionDigits: 1 }))}</span>
        <span className="stat-label">{unit ? unitWord(unit, 2) : 'units'} in stock{s?.runOutDate ? `, lasting until about ${f.date(s.runOutDate + 'T12:00:00Z')}` : days !== null ? `, ${whole(days)} days` : ''}</span></div>
      <div className="stat wide"><span className="stat-value" data-figure="season">{s === null ? <Skeleton width="3ch" height="0.9em" /> : pct === null ? `${f.number(cur, { maximumFractionDigits: 1 })}` : f.percent(pct / 100, { signed: true })}</span>
        <span className="stat-label">{s === null ? <Skeleton width="70%" /> : `this season (${s.seasonLabel}) ${f.number(cur, { maximumFractionDigits: 1 })} ${unitWord(unit, cur)} so far, last season ${f.number(last, { maximumFractionDigits: 1 })} by the same day`}</span></div>
    </div>
  );
}

function Explained({ a }: { a: Analysis }) {
  const f = useFormat();
  const m = a.model;
  const one = (n: number | string | null | undefined, d = 1) => (num(n) === null ? '–' : f.number(num(n)!, { maximumFractionDigits: d }));
  const unit = a.unitLabel || a.unit;
  return (
    <dl className="explained">
      <div><dt>Baseload</dt><dd><strong data-figure="baseload">{m ? `${one(m.baseloadKwhPerDay)} kWh a day` : 'not known yet'}</strong>
        <span className="sub">What you burn whatever the weather (hot water, standby){m ? ` — about ${one(m.baseloadUnitsPerDay, 2)} ${unitWord(unit, 2)} a day` : ''}.</span></dd></div>
      <div><dt>Per degree day</dt><dd><strong data-figure="per-degree-day">{m ? `${one(m.kwhPerDegreeDay, 2)} kWh` : 'not known yet'}</strong>
        <span className="sub">Extra energy for each degree the day is colder than {one(a.baseTemperatureC)} °C. Lower means a better-insulated, more efficient house; compare it year to year.</span></dd></div>
      <div><dt>Fit (R²)</dt><dd><strong data-figure="r2">{m && num(m.rSquared) !== null ? f.number(num(m.rSquared)!, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–'}</strong>
        <span className="sub">How well temperature explains your use: {fitQuality(m ? num(m.rSquared) : null)}.{m ? ` Based on ${num(m.periods)} refill intervals.` : ` ${a.modelNote ?? 'Needs at least 3 refill intervals with temperatures for every day.'}`}</span></dd></div>
      <div><dt>Stock</dt><dd><strong>{a.stock.tracked ? `${one(a.stock.onHandUnits)} ${unitWord(unit, num(a.stock.onHandUnits) ?? 0)}` : 'not tracked'}</strong>
        <span className="sub">{a.stock.runOutDate ? `At the usual pace it runs out around ${f.date(a.stock.runOutDate + 'T12:00:00Z', 'long')} (${one(a.stock.daysLeft, 0)} days).` : a.stock.tracked ? 'Not enough history to forecast when it runs out.' : 'Record a purchase to start tracking the stock.'}</span></dd></div>
      <div><dt>This season</dt><dd><strong>{one(a.season.units)} {unitWord(unit, num(a.season.units) ?? 0)}</strong>
        <span className="sub">{a.season.lastSeasonHasData ? `Last season by the same day: ${one(a.season.lastUnits)} (${num(a.season.deltaPct) === null ? '–' : f.percent(num(a.season.deltaPct)! / 100, { signed: true })}).` : 'No data for last season to compare with.'}</span></dd></div>
      <div><dt>Temperatures</dt><dd><strong>{one(a.temperatures.days, 0)} days</strong><span className="sub">{num(a.temperatures.missingDays) ? `${one(a.temperatures.missingDays, 0)} days are missing a temperature; refill intervals that touch them are left out.` : 'Every day in the period has a temperature.'}</span></dd></div>
    </dl>
  );
}

function Charts({ a }: { a: Analysis }) {
  const f = useFormat();
  const fmt = (n: number) => f.number(n, { maximumFractionDigits: 1 });
  const unit = unitWord(a.unitLabel || a.unit, 2);
  const bars = a.monthly.map((m) => ({ label: shortMonth(m.month, f.ctx.locale), current: num(m.units), last: num(m.lastSeasonUnits) }));
  const points = intervalPoints(a.intervals.map((i) => ({ start: i.start, end: i.end, days: num(i.days) ?? 0, energyKwh: num(i.energyKwh) ?? 0, degreeDays: num(i.degreeDays), included: i.included, flagged: i.flagged })));
  return (
    <>
      <h3 className="subhead">Use per month, this season against last</h3>
      {bars.length ? <SeasonBars data={bars} title={`${unit} per month, this season against last season`} unit={unit} fmt={fmt} /> : <p className="muted">No months yet.</p>}
      <h3 className="subhead">Use against the cold, per refill interval</h3>
      {points.length ? <SignatureChart points={points} baseload={a.model ? num(a.model.baseloadKwhPerDay) : null} slope={a.model ? num(a.model.kwhPerDegreeDay) : null}
        title="kWh per day against degree days per day, one dot per refill interval, with the fitted line" fmt={fmt} />
        : <p className="muted">Dots appear once refill intervals have a temperature for every day (upload temperatures or switch on the weather).</p>}
    </>
  );
}

function StockPanel({ api, settings, timeZone, version, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; timeZone: string; version: number; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const stock = useAsync((s) => api.stock(s), [api, version]);
  const refills = useAsync((s) => api.refills(s), [api, version]);
  const purchases = useAsync((s) => api.purchases(s), [api, version]);
  const unit = settings?.unit ?? 'bag';
  const [qty, setQty] = useState('');
  const [price, setPrice] = useState('');
  const [supplier, setSupplier] = useState('');
  const [date, setDate] = useState(() => today(timeZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const st = stock.data;
  const [editing, setEditing] = useState<string | null>(null);
  const add = async () => {
    setErrors({}); setFormError(null);
    const q = Number(qty.replace(',', '.'));
    if (!Number.isFinite(q) || q <= 0) { setErrors({ quantity: 'How much was delivered?' }); return; }
    const p = price.trim() ? Math.round(Number(price.replace(/\s/g, '').replace(',', '.')) * 100) : null;
    if (p !== null && !Number.isFinite(p)) { setErrors({ totalPriceCents: 'Type the price as an amount, e.g. 389,50.' }); return; }
    setBusy(true);
    try {
      const r = await api.addPurchase({ id: newClientId(), date, quantity: q, unit, totalPriceCents: p, supplier: supplier.trim() || null, note: null }, `Purchase ${q} ${unitWord(unit, q)}`);
      setQty(''); setPrice(''); setSupplier('');
      onChanged(r.queued ? 'Purchase saved on this device; it will be sent when you are back online.' : 'Purchase added.');
    } catch (e) {
      if (e instanceof ApiError) { const s = splitFieldErrors(e, ['quantity', 'totalPriceCents', 'supplier', 'date', 'unit']); setErrors(s.fields); setFormError(s.formMessage); } else setFormError('Could not add it.');
    } finally { setBusy(false); }
  };
  return (
    <>
      <Card title="Stock" busy={!st} data-panel="stock">
        {!st ? <div className="stats"><div className="stat"><Skeleton width="3ch" height="1.6rem" /></div><div className="stat"><Skeleton width="3ch" height="1.6rem" /></div></div> : (
          <div className="stats">
            <div className="stat"><span className="stat-value">{f.number(num(st.onHandUnits) ?? 0, { maximumFractionDigits: 1 })}</span><span className="stat-label">{unitWord(st.unitLabel || st.unit, 2)} on hand</span></div>
            <div className="stat"><span className="stat-value">{num(st.daysLeft) === null ? '–' : f.number(num(st.daysLeft)!, { maximumFractionDigits: 0 })}</span><span className="stat-label">days left{st.runOutDate ? ` (until ${f.date(st.runOutDate + 'T12:00:00Z')})` : ''}</span></div>
            <p className="stat wide muted">{f.number(num(st.purchasedUnits) ?? 0)} bought − {f.number(num(st.consumedUnits) ?? 0, { maximumFractionDigits: 1 })} put in.{st.note ? ` ${st.note}` : ''}</p>
          </div>
        )}
      </Card>
      <Card title="Add a purchase" data-panel="purchase">
        <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <TextField label={`Quantity (${unitWord(unit, 2)})`} name="purchaseQuantity" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} error={errors.quantity} />
          <TextField label={`Total price (${f.ctx.currency}, optional)`} name="purchasePrice" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} error={errors.totalPriceCents} hint="A priced purchase also shows up in Expenses." />
          <TextField label="Supplier (optional)" name="supplier" value={supplier} onChange={(e) => setSupplier(e.target.value)} error={errors.supplier} />
          <TextField label="Date" name="purchaseDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
          {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
          <Button type="submit" busy={busy}>Add purchase</Button>
        </form>
      </Card>
      <Card title="Purchases" busy={purchases.status === 'loading'}>
        <ul className="list">
          {(purchases.data?.items ?? []).map((p) => editing === p.id ? (
            <li key={p.id} className="edit-row"><RowEditor kind="purchase" date={p.date} quantity={num(p.quantity)} price={num(p.totalPriceCents)} supplier={p.supplier} unitLabel={unitWord(p.unit, 2)}
              onCancel={() => setEditing(null)} onSave={async (v) => { await api.updatePurchase(p.id, { id: p.id, date: v.date, quantity: v.quantity, unit: p.unit, totalPriceCents: v.priceCents, supplier: v.supplier, note: p.note }); setEditing(null); onChanged('Purchase saved.'); }} /></li>
          ) : (
            <li key={p.id} data-purchase={p.id}>
              <span className="grow"><span className="title">{f.number(num(p.quantity) ?? 0)} {unitWord(p.unit, num(p.quantity) ?? 0)}</span><span className="sub">{f.date(p.date + 'T12:00:00Z')}{p.supplier ? ` · ${p.supplier}` : ''}</span></span>
              <span className="num">{num(p.totalPriceCents) === null ? '' : f.money(num(p.totalPriceCents)! / 100)}</span>
              <Button variant="ghost" aria-label={`Edit the purchase of ${f.date(p.date + 'T12:00:00Z')}`} onClick={() => setEditing(p.id)}>Edit</Button>
              <Button variant="ghost" aria-label={`Delete the purchase of ${f.date(p.date + 'T12:00:00Z')}`} onClick={async () => { if (confirm('Delete this purchase?')) { await api.deletePurchase(p.id).catch(() => undefined); onChanged('Purchase deleted.'); } }}>✕</Button>
            </li>
          ))}
        </ul>
        {purchases.status === 'ready' && !purchases.data?.items.length ? <p className="muted">No purchases yet. Start with one for what you have in store now.</p> : null}
      </Card>
      <Card title="Refills" busy={refills.status === 'loading'}>
        <ul className="list">
          {(refills.data?.items ?? []).map((r) => editing === r.id ? (
            <li key={r.id} className="edit-row"><RowEditor kind={num(r.quantity) !== null ? 'refill' : 'reading'} date={r.date} quantity={num(r.quantity) ?? num(r.meterReading)} unitLabel={unitWord(unit, 2)}
              onCancel={() => setEditing(null)} onSave={async (v) => {
                const isReading = num(r.quantity) === null;
                await api.updateRefill(r.id, { id: r.id, date: v.date, quantity: isReading ? null : v.quantity, meterReading: isReading ? v.quantity : null, note: r.note });
                setEditing(null); onChanged('Refill saved.');
              }} /></li>
          ) : (
            <li key={r.id} data-refill={r.id}>
              <span className="grow"><span className="title">{num(r.quantity) !== null ? `${f.number(num(r.quantity)!)} ${unitWord(unit, num(r.quantity)!)}` : `reading ${f.number(num(r.meterReading) ?? 0)}`}</span><span className="sub">{f.date(r.date + 'T12:00:00Z')}</span></span>
              <Button variant="ghost" aria-label={`Edit the refill of ${f.date(r.date + 'T12:00:00Z')}`} onClick={() => setEditing(r.id)}>Edit</Button>
              <Button variant="ghost" aria-label={`Delete the refill of ${f.date(r.date + 'T12:00:00Z')}`} onClick={async () => { if (confirm('Delete this refill?')) { await api.deleteRefill(r.id).catch(() => undefined); onChanged('Refill deleted.'); } }}>✕</Button>
            </li>
          ))}
        </ul>
        {refills.status === 'ready' && !refills.data?.items.length ? <p className="muted">No refills yet.</p> : null}
      </Card>
    </>
  );
}

function WeatherFetch({ api, settings, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; onChanged: (m?: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;
  const ready = settings.weatherEnabled && settings.latitude !== null && settings.longitude !== null;
  const fetchNow = async () => {
    setBusy(true); setError(null);
    try {
      const r = await api.fetchTemperatures();
      onChanged(`Fetched ${num(r.received)} days from ${r.source} (${num(r.inserted)} new, ${num(r.updated)} replaced${num(r.missing) ? `, ${num(r.missing)} missing` : ''}).`);
    } catch (e) { setError(e instanceof ApiError ? e.message : 'Could not fetch the weather.'); } finally { setBusy(false); }
  };
  return (
    <Card title="Weather from Open-Meteo" data-panel="weather-fetch">
      {ready
        ? <p className="muted">Daily temperatures for your coordinates are fetched by the server. Fetch the last 30 days now if some are missing.</p>
        : <p className="muted">Off. Set the latitude and longitude and switch the weather on under Settings to fetch daily temperatures instead of uploading them.</p>}
      {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
      {ready ? <Button variant="secondary" busy={busy} onClick={() => void fetchNow()}>Fetch the last 30 days</Button> : null}
    </Card>
  );
}

/** Inline editor for one refill, reading or purchase row. */
function RowEditor({ kind, date, quantity, price, supplier, unitLabel, onSave, onCancel }: {
  kind: 'refill' | 'reading' | 'purchase'; date: string; quantity: number | null; price?: number | null; supplier?: string | null; unitLabel: string;
  onSave: (v: { date: string; quantity: number; priceCents: number | null; supplier: string | null }) => Promise<void>; onCancel: () => void;
}) {
  const [d, setD] = useState(date);
  const [q, setQ] = useState(quantity === null ? '' : String(quantity));
  const [p, setP] = useState(price === null || price === undefined ? '' : (price / 100).toFixed(2));
  const [sup, setSup] = useState(supplier ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const save = async () => {
    setErrors({}); setFormError(null);
    const quantityValue = Number(q.replace(',', '.'));
    if (!q.trim() || !Number.isFinite(quantityValue) || quantityValue < 0) { setErrors({ quantity: 'Type a number.' }); return; }
    const priceCents = p.trim() ? Math.round(Number(p.replace(/\s/g, '').replace(',', '.')) * 100) : null;
    if (priceCents !== null && !Number.isFinite(priceCents)) { setErrors({ totalPriceCents: 'Type the price as an amount.' }); return; }
    setBusy(true);
    try { await onSave({ date: d, quantity: quantityValue, priceCents, supplier: sup.trim() || null }); }
    catch (e) {
      if (e instanceof ApiError) { const s = splitFieldErrors(e, ['quantity', 'meterReading', 'date', 'totalPriceCents', 'supplier']); setErrors({ ...s.fields, quantity: s.fields.quantity ?? s.fields.meterReading ?? '' }); setFormError(s.formMessage); }
      else setFormError('Could not save.');
    } finally { setBusy(false); }
  };
  return (
    <form ref={formRef} className="inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <TextField label={kind === 'reading' ? 'Reading' : `Quantity (${unitLabel})`} name="editQuantity" inputMode="decimal" value={q} onChange={(e) => setQ(e.target.value)} error={errors.quantity} />
      {kind === 'purchase' ? <TextField label="Total price (optional)" name="editPrice" inputMode="decimal" value={p} onChange={(e) => setP(e.target.value)} error={errors.totalPriceCents} /> : null}
      {kind === 'purchase' ? <TextField label="Supplier (optional)" name="editSupplier" value={sup} onChange={(e) => setSup(e.target.value)} error={errors.supplier} /> : null}
      <TextField label="Date" name="editDate" type="date" value={d} onChange={(e) => setD(e.target.value)} error={errors.date} />
      {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit" busy={busy}>Save</Button><Button variant="secondary" onClick={onCancel}>Cancel</Button></span>
    </form>
  );
}

function TemperaturePanel({ api, onChanged }: { api: HeatingApi; onChanged: (m?: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [unit, setUnit] = useState<'c' | 'f'>('c');
  const [preview, setPreview] = useState<TemperatureImport | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'preview' : 'import'); setError(null);
    try {
      const r = await api.importTemperatures(file, dryRun, unit);
      if (dryRun) setPreview(r); else { setPreview(null); onChanged(`Temperatures imported: ${num(r.inserted)} new days, ${num(r.updated)} replaced.`); }
    } catch (e) { setError(e instanceof ApiError ? e.message : 'The upload failed.'); } finally { setBusy(null); }
  };
  return (
    <Card title="Upload temperatures" data-panel="temperatures">
      <p className="muted">A CSV with a date column and a daily mean (or min and max). You see what will be read before anything is stored.</p>
      <div className="field">
        <label htmlFor="temp-file">CSV file</label>
        <input id="temp-file" type="file" accept=".csv,.txt" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />
      </div>
      <SelectField label="Temperatures are in" value={unit} onChange={(e) => setUnit(e.target.value as 'c' | 'f')} options={[{ value: 'c', label: '°C' }, { value: 'f', label: '°F' }]} />
      {error ? <Notice kind="error"><p>{error}</p></Notice> : null}
      <Button onClick={() => void run(true)} busy={busy === 'preview'} disabled={!file}>Check the file</Button>
      {preview ? (
        <div className="temp-preview" data-valid={num(preview.valid)} data-errors={num(preview.errorCount)}>
          <p><strong>{num(preview.valid)}</strong> valid days{preview.from ? ` from ${preview.from} to ${preview.to}` : ''}, <strong>{num(preview.errorCount)}</strong> lines with errors. Columns: date “{preview.dateColumn}”{preview.meanColumn ? `, mean “${preview.meanColumn}”` : `, min “${preview.minColumn}”, max “${preview.maxColumn}”`}.</p>
          {preview.errors.length ? <ul className="errors">{preview.errors.slice(0, 10).map((e) => <li key={String(e.line)}>Line {num(e.line)}: {e.message}</li>)}</ul> : null}
          <Button onClick={() => void run(false)} busy={busy === 'import'} disabled={!num(preview.valid)}>Import {num(preview.valid)} days</Button>
        </div>
      ) : null}
    </Card>
  );
}

function SettingsForm({ api, settings, onChanged }: { api: HeatingApi; settings: HeatingSettings; onChanged: (m?: string) => void }) {
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const [v, setV] = useState({
    fuel: settings.fuel, unit: settings.unit, unitSizeKg: str(settings.unitSizeKg), kwhPerUnit: str(settings.kwhPerUnit),
    seasonStartMonth: str(settings.seasonStartMonth), seasonStartDay: str(settings.seasonStartDay), baseMode: settings.baseMode,
    baseTemperatureC: str(settings.baseTemperatureC), latitude: str(settings.latitude), longitude: str(settings.longitude), weatherEnabled: settings.weatherEnabled,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const fuelChanged = v.fuel !== settings.fuel;
  const save = async () => {
    setBusy(true); setErrors({}); setFormError(null);
    try {
      await api.saveSettings({
        fuel: v.fuel, unit: fuelChanged ? null : v.unit, unitSizeKg: fuelChanged ? null : numOrNull(v.unitSizeKg), kwhPerUnit: fuelChanged ? null : numOrNull(v.kwhPerUnit), meterBased: null,
        seasonStartMonth: numOrNull(v.seasonStartMonth), seasonStartDay: numOrNull(v.seasonStartDay), baseMode: v.baseMode,
        baseTemperatureC: numOrNull(v.baseTemperatureC), latitude: numOrNull(v.latitude), longitude: numOrNull(v.longitude), weatherEnabled: v.weatherEnabled,
      });
      onChanged('Heating settings saved.');
    } catch (e) {
      if (e instanceof ApiError) { const s = splitFieldErrors(e, Object.keys(v)); setErrors(s.fields); setFormError(s.formMessage); } else setFormError('Could not save.');
    } finally { setBusy(false); }
  };
  return (
    <Card title="Heating settings" data-panel="heating-settings">
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <SelectField label="Fuel" name="fuel" value={v.fuel} onChange={set('fuel')} error={errors.fuel} hint={fuelChanged ? 'The unit and energy per unit take the new fuel\'s defaults.' : undefined}
          options={[['woodPellets', 'Wood pellets'], ['firewood', 'Firewood'], ['heatingOil', 'Heating oil'], ['naturalGas', 'Natural gas (meter)'], ['electricity', 'Electricity (meter)'], ['districtHeat', 'District heat (meter)']].map(([value, label]) => ({ value, label }))} />
        {!fuelChanged ? (
          <>
            <SelectField label="Unit" name="unit" value={v.unit} onChange={set('unit')} error={errors.unit} options={settings.unitsForFuel.map((u) => ({ value: u, label: u }))} />
            <TextField label="Unit size (kg)" name="unitSizeKg" inputMode="decimal" value={v.unitSizeKg} onChange={set('unitSizeKg')} error={errors.unitSizeKg} />
            <TextField label="Energy per unit (kWh)" name="kwhPerUnit" inputMode="decimal" value={v.kwhPerUnit} onChange={set('kwhPerUnit')} error={errors.kwhPerUnit} />
          </>
        ) : null}
        <div className="two">
          <TextField label="Season starts (month)" name="seasonStartMonth" inputMode="numeric" value={v.seasonStartMonth} onChange={set('seasonStartMonth')} error={errors.seasonStartMonth} />
          <TextField label="Day" name="seasonStartDay" inputMode="numeric" value={v.seasonStartDay} onChange={set('seasonStartDay')} error={errors.seasonStartDay} />
        </div>
        <SelectField label="Degree-day base" name="baseMode" value={v.baseMode} onChange={set('baseMode')} error={errors.baseMode}
          options={[{ value: 'fixed', label: 'A fixed temperature' }, { value: 'fit', label: 'Let the data choose (fit)' }]} />
        {v.baseMode !== 'fit' ? <TextField label="Base temperature (°C)" name="baseTemperatureC" inputMode="decimal" value={v.baseTemperatureC} onChange={set('baseTemperatureC')} error={errors.baseTemperatureC} hint="Days warmer than this need no heating. 15.5 °C is usual." /> : null}
        <div className="two">
          <TextField label="Latitude" name="latitude" inputMode="decimal" value={v.latitude} onChange={set('latitude')} error={errors.latitude} />
          <TextField label="Longitude" name="longitude" inputMode="decimal" value={v.longitude} onChange={set('longitude')} error={errors.longitude} />
        </div>
        <label className="check"><input type="checkbox" name="weatherEnabled" checked={v.weatherEnabled} onChange={(e) => setV((x) => ({ ...x, weatherEnabled: e.target.checked }))} /> Fetch daily temperatures from Open-Meteo for these coordinates</label>
        {errors.weatherEnabled ? <p className="field-error">{errors.weatherEnabled}</p> : null}
        {formError ? <Notice kind="error"><p>{formError}</p></Notice> : null}
        <Button type="submit" busy={busy}>Save settings</Button>
      </form>
    </Card>
  );
}
