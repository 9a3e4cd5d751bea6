import { Button, Card, Notice, useSubmit } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';

/** Daily temperatures from Open-Meteo for the home's coordinates, fetched by the server; the last 30 days on demand. */
export function WeatherFetchCard({ api, settings, onChanged }: { api: HeatingApi; settings: HeatingSettings | null; onChanged: (m?: string) => void }) {
  const s = useSubmit([], { fallback: 'Could not fetch the weather.' });
  if (!settings) return null;
  const ready = settings.weatherEnabled && settings.latitude !== null && settings.longitude !== null;
  const fetchNow = () => s.run(async () => {
    const r = await api.fetchTemperatures();
    onChanged(`Fetched ${r.received} days from ${r.source} (${r.inserted} new, ${r.updated} replaced${r.missing ? `, ${r.missing} missing` : ''}).`);
  });
  return (
    <Card title="Weather from Open-Meteo" data-panel="weather-fetch">
      {ready
        ? <p className="muted">Daily temperatures for your coordinates are fetched by the server. Fetch the last 30 days now if some are missing.</p>
        : <p className="muted">Off. Set the latitude and longitude and switch the weather on under Settings to fetch daily temperatures instead of uploading them.</p>}
      {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
      {ready ? <Button variant="secondary" busy={s.busy} onClick={() => void fetchNow()}>Fetch the last 30 days</Button> : null}
    </Card>
  );
}
