import { useAsync, useFormat } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import { unitWord } from '../logic';
import { StockCard } from './StockCard';
import { PurchaseForm } from './PurchaseForm';
import { HistoryCard } from './HistoryCard';
import { RowEditor } from './RowEditor';
import { t } from '../strings';

/** The stock tab: what is on hand, adding a purchase, and the latest purchases and refills (edit, delete). */
export function StockPanel({ api, settings, version, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; version: number; onChanged: (m?: string) => void }) {
  const f = useFormat();
  const stock = useAsync((s) => api.stock(s), [api, version]);
  const refills = useAsync((s) => api.refills(s), [api, version]);
  const purchases = useAsync((s) => api.purchases(s), [api, version]);
  const unit = settings?.unit ?? 'bag';
  return (
    <>
      <StockCard stock={stock.data ?? null} />
      <PurchaseForm api={api} unit={unit} onChanged={onChanged} />
      <HistoryCard title={t.stockPanel.purchases} kind="purchase" list={purchases} empty={t.stockPanel.noPurchasesYet} remove={api.deletePurchase} onChanged={onChanged}
        describe={(p) => ({ title: `${f.number(p.quantity)} ${unitWord(p.unit, p.quantity)}`, detail: p.supplier ?? undefined, amount: p.totalPriceCents === null ? '' : f.money(p.totalPriceCents / 100) })}
        editor={(p, close) => (
          <RowEditor kind="purchase" date={p.date} quantity={p.quantity} price={p.totalPriceCents} supplier={p.supplier} unitLabel={unitWord(p.unit, 2)} onCancel={close}
            onSave={async (v) => {
              await api.updatePurchase(p.id, { id: p.id, date: v.date, quantity: v.quantity, unit: p.unit, totalPriceCents: v.priceCents, supplier: v.supplier, note: p.note });
              close();
              onChanged(t.stockPanel.purchaseSaved);
            }} />
        )} />
      <HistoryCard title={t.stockPanel.refills} kind="refill" list={refills} empty={t.stockPanel.noRefillsYet} remove={api.deleteRefill} onChanged={onChanged}
        describe={(r) => ({ title: r.quantity !== null ? `${f.number(r.quantity)} ${unitWord(unit, r.quantity)}` : t.stockPanel.reading(f.number(r.meterReading ?? 0)) })}
        editor={(r, close) => {
          // A meter reading stays a reading, a refill a refill.
          const isReading = r.quantity === null;
          return (
            <RowEditor kind={isReading ? 'reading' : 'refill'} date={r.date} quantity={r.quantity ?? r.meterReading} unitLabel={unitWord(unit, 2)} onCancel={close}
              onSave={async (v) => {
                await api.updateRefill(r.id, { id: r.id, date: v.date, quantity: isReading ? null : v.quantity, meterReading: isReading ? v.quantity : null, note: r.note });
                close();
                onChanged(t.stockPanel.refillSaved);
              }} />
          );
        }} />
    </>
  );
}
