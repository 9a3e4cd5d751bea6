import { useAsync } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import { StockCard } from './StockCard';
import { PurchaseForm } from './PurchaseForm';
import { PurchasesCard } from './PurchasesCard';
import { RefillsCard } from './RefillsCard';

/** The stock tab: what is on hand, adding a purchase, and the latest purchases and refills (edit, delete). */
export function StockPanel({ api, settings, version, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; version: number; onChanged: (m?: string) => void }) {
  const stock = useAsync((s) => api.stock(s), [api, version]);
  const refills = useAsync((s) => api.refills(s), [api, version]);
  const purchases = useAsync((s) => api.purchases(s), [api, version]);
  const unit = settings?.unit ?? 'bag';
  return (
    <>
      <StockCard stock={stock.data ?? null} />
      <PurchaseForm api={api} unit={unit} onChanged={onChanged} />
      <PurchasesCard api={api} purchases={purchases} onChanged={onChanged} />
      <RefillsCard api={api} refills={refills} unit={unit} onChanged={onChanged} />
    </>
  );
}
