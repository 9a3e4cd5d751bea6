import { useState } from 'react';
import type { components } from '@trackstack/api';
import { Button, Card, Notice, useFormat, useSubmit, type AsyncState } from '@trackstack/ui';
import type { HeatingApi } from '../api';
import { unitWord } from '../logic';
import { RowEditor } from './RowEditor';

/** The latest purchases, each editable in place. */
export function PurchasesCard({ api, purchases, onChanged }: {
  api: HeatingApi; purchases: AsyncState<components['schemas']['PagedResponseOfPurchaseResponse']>; onChanged: (m?: string) => void;
}) {
  const f = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useSubmit([], { fallback: 'Could not delete it.' });
  const items = purchases.data?.items ?? [];
  return (
    <Card title="Purchases" busy={purchases.status === 'loading'}>
      {remove.formError ? <Notice kind="error"><p>{remove.formError}</p></Notice> : null}
      <ul className="list">
        {items.map((p) => {
          const day = f.date(p.date + 'T12:00:00Z');
          return editing === p.id ? (
            <li key={p.id} className="edit-row">
              <RowEditor kind="purchase" date={p.date} quantity={p.quantity} price={p.totalPriceCents} supplier={p.supplier} unitLabel={unitWord(p.unit, 2)} onCancel={() => setEditing(null)}
                onSave={async (v) => {
                  await api.updatePurchase(p.id, { id: p.id, date: v.date, quantity: v.quantity, unit: p.unit, totalPriceCents: v.priceCents, supplier: v.supplier, note: p.note });
                  setEditing(null);
                  onChanged('Purchase saved.');
                }} />
            </li>
          ) : (
            <li key={p.id} data-purchase={p.id}>
              <span className="grow"><span className="title">{f.number(p.quantity)} {unitWord(p.unit, p.quantity)}</span><span className="sub">{day}{p.supplier ? ` · ${p.supplier}` : ''}</span></span>
              <span className="num">{p.totalPriceCents === null ? '' : f.money(p.totalPriceCents / 100)}</span>
              <Button variant="ghost" aria-label={`Edit the purchase of ${day}`} onClick={() => setEditing(p.id)}>Edit</Button>
              <Button variant="ghost" aria-label={`Delete the purchase of ${day}`} busy={remove.busyWith === p.id}
                onClick={() => { if (confirm('Delete this purchase?')) void remove.run(async () => { await api.deletePurchase(p.id); onChanged('Purchase deleted.'); }, p.id); }}>✕</Button>
            </li>
          );
        })}
      </ul>
      {purchases.status === 'ready' && !items.length ? <p className="muted">No purchases yet. Start with one for what you have in store now.</p> : null}
    </Card>
  );
}
