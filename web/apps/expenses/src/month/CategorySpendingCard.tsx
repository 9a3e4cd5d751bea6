import { Card, Skeleton, useFormat } from '@trackstack/ui';
import type { ExpensesApi, MonthSummary } from '../api';
import { ExportLinks } from '../ExportLinks';
import { t as strings } from '../strings';

/** Spending per category this month, largest first, with its tank; and the month's export. */
export function CategorySpendingCard({ api, month, data }: { api: ExpensesApi; month: string; data: MonthSummary | null }) {
  const f = useFormat();
  return (
    <Card title={strings.categorySpendingCard.spendingByCategory} busy={!data}>
      {!data ? <ul className="list">{[0, 1, 2].map((i) => <li key={i}><span className="grow"><Skeleton width="40%" /></span><Skeleton width="4rem" /></li>)}</ul>
        : data.categories.length === 0 && data.uncategorisedCents === 0 ? <p className="muted">{strings.categorySpendingCard.noSpendingMonth}</p> : (
          <ul className="list compact">
            {[...data.categories].sort((a, b) => b.spentCents - a.spentCents).map((c) => (
              <li key={c.id}>
                <span className="grow"><span className="title inline">{c.name}</span> <span className="pill">{data.tanks.find((t) => t.key === c.tankKey)?.name ?? c.tankKey}</span></span>
                <span className="num">{f.money(c.spentCents / 100)}</span>
              </li>
            ))}
            {data.uncategorisedCents ? <li><span className="grow muted">{strings.categorySpendingCard.noCategory}</span><span className="num">{f.money(data.uncategorisedCents / 100)}</span></li> : null}
          </ul>
        )}
      <ExportLinks api={api} month={month} label={strings.categorySpendingCard.exportMonth} />
    </Card>
  );
}
