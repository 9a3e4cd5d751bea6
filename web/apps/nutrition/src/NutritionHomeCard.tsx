import type { ModuleContext } from '@trackstack/api';
import { Card, FormatProvider, HomeCardProblem, Skeleton, bandFor, useAsync, useFormat, useModuleApi } from '@trackstack/ui';
import type { Summary } from './api';
import { nutritionSummary } from './summary';
import { t } from './strings';

/** Home: kcal left today and protein to go, in the colour bands of what remains. */
export function NutritionHomeCard({ context }: { context: ModuleContext | null }) {
  if (!context) return <Card title={t.homeCard.title} busy data-module="nutrition" data-state="loading"><NutritionStats summary={null} /></Card>;
  return <FormatProvider value={context.household}><Inner context={context} /></FormatProvider>;
}

export function NutritionStats({ summary }: { summary: Summary | null }) {
  const f = useFormat();
  const whole = (n: number) => f.number(Math.round(n), { maximumFractionDigits: 0 });
  const kcalBand = summary ? `band-${bandFor(summary.remainingKcal, summary.kcalTarget)}` : '';
  const proteinBand = summary ? (summary.proteinToGo <= 0 ? 'band-green' : '') : '';
  return (
    <div className="stats">
      <div className={`stat ${kcalBand}`} data-stat="kcal">
        <span className="stat-value">{summary ? whole(Math.abs(summary.remainingKcal)) : <Skeleton width="4ch" height="0.9em" />}</span>
        <span className="stat-label">{summary ? (summary.remainingKcal >= 0 ? t.homeCard.kcalLeftToday : t.homeCard.kcalOverToday) : <Skeleton width="80%" />}</span>
      </div>
      <div className={`stat ${proteinBand}`} data-stat="protein">
        <span className="stat-value">{summary ? t.homeCard.proteinGrams(whole(summary.proteinToGo)) : <Skeleton width="3ch" height="0.9em" />}</span>
        <span className="stat-label">{summary ? t.homeCard.proteinToGo : <Skeleton width="70%" />}</span>
      </div>
    </div>
  );
}

function Inner({ context }: { context: ModuleContext }) {
  const load = useModuleApi(context, nutritionSummary);
  const state = useAsync((signal) => load(signal), [load]);
  const open = <a href="/nutrition" aria-label={t.homeCard.openNutrition}>{t.homeCard.open}</a>;
  if (state.status === 'error') {
    return <HomeCardProblem module="nutrition" title={t.homeCard.title} open={open} error={state.error} reload={state.reload} notSetUp={t.homeCard.notSetUp} fallback={t.homeCard.couldNotLoad} />;
  }
  return (
    <Card title={t.homeCard.title} action={open} busy={state.status === 'loading'} data-module="nutrition" data-state={state.status}>
      <NutritionStats summary={state.status === 'ready' ? state.data! : null} />
    </Card>
  );
}
