import { useFormat } from '@trackstack/ui';
import type { MonthSummary } from '../api';

/** This month's spending against the average of the previous months, in words. */
export function Comparison({ data }: { data: MonthSummary }) {
  const f = useFormat();
  const c = data.comparison;
  if (c.previousAverageSpentCents === null || c.monthsCounted === 0) return <p className="comparison muted">No earlier months to compare with yet.</p>;
  const delta = (c.deltaCents ?? 0) / 100;
  const pct = c.deltaPercent === null ? null : c.deltaPercent / 100;
  const words = delta > 0 ? 'more than' : delta < 0 ? 'less than' : 'the same as';
  return (
    <p className="comparison" data-delta={delta}>
      {delta === 0 ? 'You spent the same as' : <>You spent <strong className={delta > 0 ? 'text-red' : 'text-green'}>{f.money(Math.abs(delta))}{pct !== null ? ` (${f.percent(Math.abs(pct))})` : ''}</strong> {words}</>}{' '}
      the average of the previous {c.monthsCounted === 1 ? 'month' : `${c.monthsCounted} months`} ({f.money(c.previousAverageSpentCents / 100)}).
    </p>
  );
}
