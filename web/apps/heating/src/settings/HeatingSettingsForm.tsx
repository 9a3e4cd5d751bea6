import { useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, SelectField, TextField, parseDecimal, useSubmit } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';

const FUELS = [['woodPellets', 'Wood pellets'], ['firewood', 'Firewood'], ['heatingOil', 'Heating oil'], ['naturalGas', 'Natural gas (meter)'], ['electricity', 'Electricity (meter)'], ['districtHeat', 'District heat (meter)']]
  .map(([value, label]) => ({ value, label }));

const text = (v: number | null) => (v === null ? '' : String(v));

/** Fuel and unit, the heating season, the degree-day base and the coordinates for the weather. */
export function HeatingSettingsForm({ api, settings, onChanged, readOnly = false }: { api: HeatingApi; settings: HeatingSettings; onChanged: (m?: string) => void; readOnly?: boolean }) {
  const [v, setV] = useState({
    fuel: settings.fuel, unit: settings.unit, unitSizeKg: text(settings.unitSizeKg), kwhPerUnit: text(settings.kwhPerUnit),
    seasonStartMonth: text(settings.seasonStartMonth), seasonStartDay: text(settings.seasonStartDay), baseMode: settings.baseMode,
    baseTemperatureC: text(settings.baseTemperatureC), latitude: text(settings.latitude), longitude: text(settings.longitude), weatherEnabled: settings.weatherEnabled,
  });
  const s = useSubmit(Object.keys(v), { fallback: 'Could not save.' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  // A new fuel brings its own unit and energy per unit; the old ones would not fit it.
  const fuelChanged = v.fuel !== settings.fuel;
  const save = s.onSubmit(async () => {
    await api.saveSettings({
      fuel: v.fuel, unit: fuelChanged ? null : v.unit, unitSizeKg: fuelChanged ? null : parseDecimal(v.unitSizeKg), kwhPerUnit: fuelChanged ? null : parseDecimal(v.kwhPerUnit), meterBased: null,
      seasonStartMonth: parseDecimal(v.seasonStartMonth), seasonStartDay: parseDecimal(v.seasonStartDay), baseMode: v.baseMode,
      baseTemperatureC: parseDecimal(v.baseTemperatureC), latitude: parseDecimal(v.latitude), longitude: parseDecimal(v.longitude), weatherEnabled: v.weatherEnabled,
    });
    onChanged('Heating settings saved.');
  });
  const e = s.fieldErrors;
  return (
    <Card title="Heating settings" data-panel="heating-settings">
      <form ref={s.formRef} noValidate onSubmit={save}><ReadOnlyFields readOnly={readOnly}>
        <SelectField label="Fuel" name="fuel" value={v.fuel} onChange={set('fuel')} error={e.fuel} options={FUELS}
          hint={fuelChanged ? 'The unit and energy per unit take the new fuel\'s defaults.' : undefined} />
        {!fuelChanged ? (
          <>
            <SelectField label="Unit" name="unit" value={v.unit} onChange={set('unit')} error={e.unit} options={settings.unitsForFuel.map((u) => ({ value: u, label: u }))} />
            <TextField label="Unit size (kg)" name="unitSizeKg" inputMode="decimal" value={v.unitSizeKg} onChange={set('unitSizeKg')} error={e.unitSizeKg} />
            <TextField label="Energy per unit (kWh)" name="kwhPerUnit" inputMode="decimal" value={v.kwhPerUnit} onChange={set('kwhPerUnit')} error={e.kwhPerUnit} />
          </>
        ) : null}
        <div className="two">
          <TextField label="Season starts (month)" name="seasonStartMonth" inputMode="numeric" value={v.seasonStartMonth} onChange={set('seasonStartMonth')} error={e.seasonStartMonth} />
          <TextField label="Day" name="seasonStartDay" inputMode="numeric" value={v.seasonStartDay} onChange={set('seasonStartDay')} error={e.seasonStartDay} />
        </div>
        <SelectField label="Degree-day base" name="baseMode" value={v.baseMode} onChange={set('baseMode')} error={e.baseMode}
          options={[{ value: 'fixed', label: 'A fixed temperature' }, { value: 'fit', label: 'Let the data choose (fit)' }]} />
        {v.baseMode !== 'fit' ? <TextField label="Base temperature (°C)" name="baseTemperatureC" inputMode="decimal" value={v.baseTemperatureC} onChange={set('baseTemperatureC')}
          error={e.baseTemperatureC} hint="Days warmer than this need no heating. 15.5 °C is usual." /> : null}
        <div className="two">
          <TextField label="Latitude" name="latitude" inputMode="decimal" value={v.latitude} onChange={set('latitude')} error={e.latitude} />
          <TextField label="Longitude" name="longitude" inputMode="decimal" value={v.longitude} onChange={set('longitude')} error={e.longitude} />
        </div>
        <label className="check"><input type="checkbox" name="weatherEnabled" checked={v.weatherEnabled} onChange={(x) => setV((o) => ({ ...o, weatherEnabled: x.target.checked }))} /> Fetch daily temperatures from Open-Meteo for these coordinates</label>
        {e.weatherEnabled ? <p className="field-error">{e.weatherEnabled}</p> : null}
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy}>Save settings</Button>}
      </ReadOnlyFields></form>
    </Card>
  );
}
