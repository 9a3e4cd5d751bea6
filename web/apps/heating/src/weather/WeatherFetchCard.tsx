import { Button, Card, Notice, useSubmit } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import { t } from '../strings';

/** Daily temperatures from Open-Meteo for the home's coordinates, fetched by the server; the last 30 days on demand. */
export function WeatherFetchCard({ api, settings, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; onChanged: (m?: string) => void }) {
  const s = useSubmit([], { fallback: t.weatherFetchCard.couldNotFetch });
  if (!settings) return null;
  const ready = settings.weatherEnabled && settings.latitude !== null && settings.longitude !== null;
  const fetchNow = () => s.run(async () => {
    const r = await api.fetchTemperatures();
    onChanged(t.weatherFetchCard.fetchedDaysFrom(r.received, r.source, r.inserted, r.updated, r.missing ? t.weatherFetchCard.missing(r.missing) : ''));
  });
  return (
    <Card title={t.weatherFetchCard.weatherFromOpen} data-panel="weather-fetch">
      {ready
        ? <p className="muted">{t.weatherFetchCard.dailyTemperaturesYour}</p>
        : <p className="muted">{t.weatherFetchCard.offSetLatitude}</p>}
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      {ready ? <Button variant="secondary" busy={s.busy} onClick={() => void fetchNow()}>{t.weatherFetchCard.fetchLast30}</Button> : null}
    </Card>
  );
}
