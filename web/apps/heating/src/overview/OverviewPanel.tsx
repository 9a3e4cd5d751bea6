import { useState } from 'react';
import { useAsync } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import type { Period } from '../logic';
import { RefillCard } from './RefillCard';
import { GlanceCard } from './GlanceCard';
import { AnalysisCard } from './AnalysisCard';
import { ChartsCard } from './ChartsCard';
import { PeriodCard } from './PeriodCard';

/** The overview tab: log a refill, the figures at a glance, the analysis period, what the figures mean, and the charts. */
export function OverviewPanel({ api, settings, version, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; version: number; onChanged: (m?: string) => void }) {
  const seasonStart = { month: settings?.seasonStartMonth ?? 9, day: settings?.seasonStartDay ?? 1 };
  // Null: every refill interval (the server's default period).
  const [period, setPeriod] = useState<Period | null>(null);
  const summary = useAsync((s) => api.summary(s), [api, version]);
  const analysis = useAsync((s) => api.analysis(s, period), [api, version, period?.from, period?.to]);
  return (
    <>
      <RefillCard api={api} settings={settings} onChanged={onChanged} />
      <GlanceCard summary={summary} />
      <PeriodCard seasonStart={seasonStart} period={period} onChange={setPeriod} />
      <AnalysisCard analysis={analysis} />
      <ChartsCard analysis={analysis} />
    </>
  );
}
