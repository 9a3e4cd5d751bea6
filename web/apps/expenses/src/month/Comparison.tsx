import { useFormat } from '@trackstack/ui';
import type { MonthSummary } from '../api';
import { t } from '../strings';

/** Beyond this the percentage says nothing a reader can use (an average of a few euros): the amount alone reads right. */
const MAX_PERCENT_SHOWN = 10;

/** This month's spending against the average of the previous months, in words. A month in progress is compared by
 * the same days ("so far this month (to the 5th) … by the 5th"), as the server computes it. */
export function Comparison({ data }: { data: MonthSummary }) {
  const f = useFormat();
  const c = data.comparison;
  const s = t.comparison;
  if (c.previousAverageSpentCents === null || c.monthsCounted === 0) return <p className="comparison muted">{s.none}</p>;
  const delta = (c.deltaCents ?? 0) / 100;
  const pct = c.deltaPercent === null ? null : c.deltaPercent / 100;
  const months = s.previous(c.monthsCounted);
  const average = f.money(c.previousAverageSpentCents / 100);
  const day = c.throughDay ?? null;
  if (delta === 0) {
    return <p className="comparison" data-delta={0} data-through-day={day ?? undefined}>{day ? s.soFarSame(day, months, average) : s.wholeSame(months, average)}</p>;
  }
  const showPct = pct !== null && Math.abs(pct) <= MAX_PERCENT_SHOWN;
  return (
    <p className="comparison" data-delta={delta} data-through-day={day ?? undefined}>
      {day ? s.soFarLead(day) : s.wholeLead}{' '}
      <strong className={delta > 0 ? 'text-red' : 'text-green'}>{f.money(Math.abs(delta))}{showPct ? ` (${f.percent(Math.abs(pct!))})` : ''}</strong>{' '}
      {delta > 0 ? s.more : s.less} {day ? s.soFarTail(day, months, average) : s.wholeTail(months, average)}
    </p>
  );
}
