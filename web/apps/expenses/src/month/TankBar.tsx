import { ColorBar, useFormat } from '@trackstack/ui';
import type { MonthSummary } from '../api';
import { t } from '../strings';

type Tank = MonthSummary['tanks'][number];

/** One tank's bar, the same on the sheet and the home card: whole currency units (one rounding rule, see ColorBar),
 * and a tank that refunds leave above its budget says why. */
export function TankBar({ tank, withBudget }: { tank: Tank; withBudget?: boolean }) {
  const f = useFormat();
  const refunded = tank.spentCents < 0 && tank.remainingCents > tank.budgetCents;
  const budget = withBudget ? t.tank.of(f.money(tank.budgetCents / 100, { whole: true })) : null;
  const refund = refunded ? <span className="tank-refund" data-refund>{t.tank.refund(f.money(-tank.spentCents / 100, { whole: true }))}</span> : null;
  return (
    <div data-tank={tank.key} className="tank-bar">
      <ColorBar label={tank.name} remaining={tank.remainingCents / 100} budget={tank.budgetCents / 100} detail={budget} />
      {refund ? <p className="muted">{refund}</p> : null}
    </div>
  );
}
