import { Card, Skeleton, useFormat } from '@trackstack/ui';
import type { components } from '@trackstack/api';
import { unitWord } from '../logic';
import { t } from '../strings';

/** On hand, days left and the sum behind it (bought − put in). */
export function StockCard({ stock }: { stock: components['schemas']['StockResponse'] | null }) {
  const f = useFormat();
  return (
    <Card title={t.stockCard.stock} busy={!stock} data-panel="stock">
      {!stock ? <div className="stats"><div className="stat"><Skeleton width="3ch" height="1.6rem" /></div><div className="stat"><Skeleton width="3ch" height="1.6rem" /></div></div> : (
        <div className="stats">
          <div className="stat"><span className="stat-value">{f.number(stock.onHandUnits, { maximumFractionDigits: 1 })}</span><span className="stat-label">{t.stockCard.hand(unitWord(stock.unitLabel || stock.unit, stock.onHandUnits))}</span></div>
          <div className="stat"><span className="stat-value">{stock.daysLeft === null ? '–' : f.number(stock.daysLeft, { maximumFractionDigits: 0 })}</span><span className="stat-label">{t.stockCard.daysLeft}{stock.runOutDate ? t.stockCard.until(f.date(stock.runOutDate + 'T12:00:00Z')) : ''}</span></div>
          <p className="stat wide muted">{t.stockCard.boughtPut(f.number(stock.purchasedUnits), f.number(stock.consumedUnits, { maximumFractionDigits: 1 }), stock.note ? ` ${stock.note}` : '')}</p>
        </div>
      )}
    </Card>
  );
}
