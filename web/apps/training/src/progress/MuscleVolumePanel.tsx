import { Card, Skeleton, useAsync, useFormat } from '@trackstack/ui';
import type { TrainingApi } from '../api';
import { t } from '../strings';

const WEEKS = 4;

/** Sets per muscle group in the last weeks: a primary muscle counts a set whole, a secondary one half. */
export function MuscleVolumePanel({ api, version }: { api: TrainingApi; version: number }) {
  const f = useFormat();
  const volume = useAsync((signal) => api.volume(WEEKS, signal), [api, version]);
  // Newest week first: on a phone the table scrolls sideways, and this week is what is read most.
  const weeks = [...(volume.data?.weeks ?? [])].reverse();
  const muscles = [...new Set(weeks.flatMap((w) => w.muscles.map((m) => m.muscle)))];
  const latest = weeks[0];
  // Most trained this week first, then the others as they came.
  muscles.sort((a, b) => (latest?.muscles.find((m) => m.muscle === b)?.sets ?? 0) - (latest?.muscles.find((m) => m.muscle === a)?.sets ?? 0));
  return (
    <Card title={t.progress.volumeTitle} busy={volume.status === 'loading'} data-panel="muscle-volume" data-state={volume.status}>
      {volume.status !== 'ready' ? <Skeleton height="96px" /> : muscles.length === 0 ? <p>{t.progress.noVolume}</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t.progress.volumeCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.progress.muscle}</th>
                {weeks.map((w, i) => <th key={w.weekStart} scope="col">{i === 0 ? t.progress.thisWeek : t.progress.weekOf(f.date(w.weekStart, 'short'))}</th>)}
              </tr>
            </thead>
            <tbody>
              {muscles.map((m) => (
                <tr key={m} data-muscle={m}>
                  <th scope="row">{t.progress.muscleName(m)}</th>
                  {weeks.map((w) => <td key={w.weekStart}>{f.number(w.muscles.find((x) => x.muscle === m)?.sets ?? 0, { maximumFractionDigits: 1 })}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t.progress.volumeHint}</p>
    </Card>
  );
}
