import { useAsync } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import { RefillCard } from './RefillCard';
import { GlanceCard } from './GlanceCard';
import { AnalysisCard } from './AnalysisCard';
import { ChartsCard } from './ChartsCard';

/** The overview tab: log a refill, the figures at a glance, what they mean, and the charts. */
export function OverviewPanel({ api, settings, version, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; version: number; onChanged: (m?: string) => void }) {
  const summary = useAsync((s) => api.summary(s), [api, version]);
  const analysis = useAsync((s) => api.analysis(s), [api, version]);
  return (
    <>
      <RefillCard api={api} settings={settings} onChanged={onChanged} />
      <GlanceCard summary={summary} />
      <AnalysisCard analysis={analysis} />
      <ChartsCard analysis={analysis} />
    </>
  );
}
