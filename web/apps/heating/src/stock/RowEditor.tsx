import { useState } from 'react';
import { Button, Notice, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import { t } from '../strings';

export interface RowValues { date: string; quantity: number; priceCents: number | null; supplier: string | null }

/** Inline editor for one refill, meter reading or purchase row. */
export function RowEditor({ kind, date, quantity, price, supplier, unitLabel, onSave, onCancel }: {
  kind: 'refill' | 'reading' | 'purchase'; date: string; quantity: number | null; price?: number | null; supplier?: string | null; unitLabel: string;
  onSave: (v: RowValues) => Promise<void>; onCancel: () => void;
}) {
  const f = useFormat();
  const [d, setD] = useState(date);
  const [q, setQ] = useState(quantity === null ? '' : String(quantity));
  const [p, setP] = useState(price ? formatMoneyInput(price, f.ctx.locale) : '');
  const [sup, setSup] = useState(supplier ?? '');
  const s = useSubmit(['quantity', 'meterReading', 'date', 'totalPriceCents', 'supplier'], { fallback: t.rowEditor.couldNotSave });
  const save = s.onSubmit(async () => {
    const value = parseDecimal(q);
    if (value === null || value < 0) return s.invalid({ quantity: t.rowEditor.typeNumber });
    const priceCents = p.trim() ? parseMoney(p, f.ctx.locale) : null;
    if (p.trim() && priceCents === null) return s.invalid({ totalPriceCents: t.rowEditor.typePriceAs });
    await onSave({ date: d, quantity: value, priceCents, supplier: sup.trim() || null });
  });
  return (
    <form ref={s.formRef} className="inline-form" noValidate onSubmit={save}>
      <TextField label={kind === 'reading' ? t.rowEditor.reading : t.rowEditor.quantity(unitLabel)} name="editQuantity" inputMode="decimal" value={q} onChange={(e) => setQ(e.target.value)}
        error={s.fieldErrors.quantity ?? s.fieldErrors.meterReading} />
      {kind === 'purchase' ? <TextField label={t.rowEditor.totalPriceOptional} name="editPrice" inputMode="decimal" value={p} onChange={(e) => setP(e.target.value)} error={s.fieldErrors.totalPriceCents} /> : null}
      {kind === 'purchase' ? <TextField label={t.rowEditor.supplierOptional} name="editSupplier" value={sup} onChange={(e) => setSup(e.target.value)} error={s.fieldErrors.supplier} /> : null}
      <TextField label={t.rowEditor.date} name="editDate" type="date" value={d} onChange={(e) => setD(e.target.value)} error={s.fieldErrors.date} />
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      <span className="btn-row"><Button type="submit" busy={s.busy}>{t.rowEditor.save}</Button><Button variant="secondary" onClick={onCancel}>{t.rowEditor.cancel}</Button></span>
    </form>
  );
}
