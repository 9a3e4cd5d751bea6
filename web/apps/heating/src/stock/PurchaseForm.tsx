import { useState } from 'react';
import { newClientId } from '@trackstack/api';
import { Button, Card, Notice, TextField, formatMoneyInput, parseDecimal, parseMoney, useFormat, useSubmit } from '@trackstack/ui';
import type { HeatingApi } from '../api';
import { unitWord } from '../logic';
import { t } from '../strings';

/** A delivery: quantity, the price if known (it then shows up in Expenses), supplier and date. */
export function PurchaseForm({ api, unit, onChanged }: { api: HeatingApi; unit: string; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const [qty, setQty] = useState('');
  const [price, setPrice] = useState('');
  const [supplier, setSupplier] = useState('');
  const [date, setDate] = useState(() => f.today());
  const s = useSubmit(['quantity', 'totalPriceCents', 'supplier', 'date', 'unit'], { fallback: t.purchaseForm.couldNotAdd });
  const add = s.onSubmit(async () => {
    const quantity = parseDecimal(qty);
    if (quantity === null || quantity <= 0) return s.invalid({ quantity: t.purchaseForm.howMuchWas });
    const cents = price.trim() ? parseMoney(price, f.ctx.locale) : null;
    if (price.trim() && cents === null) return s.invalid({ totalPriceCents: t.purchaseForm.typePriceAs(formatMoneyInput(38950, f.ctx.locale)) });
    const r = await api.addPurchase({ id: newClientId(), date, quantity, unit, totalPriceCents: cents, supplier: supplier.trim() || null, note: null },
      t.purchaseForm.queueLabel(quantity, unitWord(unit, quantity)));
    setQty(''); setPrice(''); setSupplier('');
    onChanged(r.queued ? t.purchaseForm.purchaseSavedDevice : t.purchaseForm.purchaseAdded);
  });
  return (
    <Card title={t.purchaseForm.addPurchase} data-panel="purchase">
      <form ref={s.formRef} noValidate onSubmit={add}>
        <TextField label={t.purchaseForm.quantity(unitWord(unit, 2))} name="purchaseQuantity" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} error={s.fieldErrors.quantity} />
        <TextField label={t.purchaseForm.totalPriceOptional(f.ctx.currency)} name="purchasePrice" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)}
          error={s.fieldErrors.totalPriceCents} hint={t.purchaseForm.pricedPurchaseAlso} />
        <TextField label={t.purchaseForm.supplierOptional} name="supplier" value={supplier} onChange={(e) => setSupplier(e.target.value)} error={s.fieldErrors.supplier} />
        <TextField label={t.purchaseForm.date} name="purchaseDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={s.fieldErrors.date} />
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        <Button type="submit" busy={s.busy}>{t.purchaseForm.addPurchase2}</Button>
      </form>
    </Card>
  );
}
