import { useState } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Card, Notice, TextField, parseDecimal, useFormat, useSubmit } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import { unitWord } from '../logic';
import { t } from '../strings';

const QTY_KEY = 'ts.heating.refillQuantity';

/** One tap logs the usual refill (the last quantity used, 2 at first); metered fuels take a meter reading instead. */
export function RefillCard({ api, settings, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const metered = settings?.meterBased ?? false;
  const unit = settings?.unit ?? 'bag';
  const [qty, setQty] = useState<string>(() => (typeof localStorage !== 'undefined' && localStorage.getItem(QTY_KEY)) || '2');
  const [date, setDate] = useState(() => f.today());
  const s = useSubmit(['quantity', 'meterReading', 'date'], { fallback: t.refillCard.couldNotLog });
  const quantity = parseDecimal(qty);
  const step = (d: number) => setQty((q) => String(Math.max(0, Math.round(((parseDecimal(q) ?? 0) + d) * 100) / 100)));

  const log = s.onSubmit(async () => {
    if (quantity === null || quantity <= 0) return s.invalid(metered ? { meterReading: t.refillCard.typeMeterReading } : { quantity: t.refillCard.howMuchWent });
    const r = await api.logRefill({ id: newClientId(), date, quantity: metered ? null : quantity, meterReading: metered ? quantity : null, note: null },
      metered ? t.refillCard.meterReading(f.number(quantity)) : t.refillCard.refill(f.number(quantity), unitWord(unit, quantity)));
    if (!metered) try { localStorage.setItem(QTY_KEY, qty); } catch { /* private mode */ }
    onChanged(r.queued ? t.refillCard.refillSavedDevice : t.refillCard.refillLogged(f.number(quantity), metered ? '' : unitWord(unit, quantity)));
  });

  return (
    <Card title={metered ? t.refillCard.meterReading2 : t.refillCard.logRefill} data-panel="refill">
      <form ref={s.formRef} noValidate onSubmit={log}>
        <div className="stepper">
          {!metered ? <Button variant="secondary" onClick={() => step(-1)} aria-label={t.refillCard.oneLess}>−</Button> : null}
          <TextField label={metered ? t.refillCard.reading : t.refillCard.quantity(unitWord(unit, 2))} name="quantity" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)}
            error={s.fieldErrors.quantity ?? s.fieldErrors.meterReading} />
          {!metered ? <Button variant="secondary" onClick={() => step(1)} aria-label={t.refillCard.oneMore}>+</Button> : null}
        </div>
        <details className="more">
          <summary>{t.refillCard.anotherDay(f.date(date + 'T12:00:00Z'))}</summary>
          <TextField label={t.refillCard.date} name="refillDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={s.fieldErrors.date} />
        </details>
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        <Button type="submit" busy={s.busy} block className="btn-big">
          {metered ? t.refillCard.saveReading : t.refillCard.logRefillValue(quantity === null ? '?' : f.number(quantity), unitWord(unit, quantity ?? 0))}
        </Button>
      </form>
    </Card>
  );
}
