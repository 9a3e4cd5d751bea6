import { useState } from 'react';
import { Button, Card, Notice, ReadOnlyFields, SelectField, TextField, parseDecimal, useSubmit } from '@trackstack/ui';
import type { HeatingApi, HeatingSettings } from '../api';
import { t } from '../strings';

const FUELS = [['woodPellets', t.heatingSettingsForm.woodPellets], ['firewood', t.heatingSettingsForm.firewood], ['heatingOil', t.heatingSettingsForm.heatingOil], ['naturalGas', t.heatingSettingsForm.naturalGasMeter], ['electricity', t.heatingSettingsForm.electricityMeter], ['districtHeat', t.heatingSettingsForm.districtHeatMeter]]
  .map(([value, label]) => ({ value, label }));

const text = (v: number | null) => (v === null ? '' : String(v));

/** Fuel and unit, the heating season, the degree-day base and the coordinates for the weather. */
export function HeatingSettingsForm({ api, settings, onChanged, readOnly = false }: { api: HeatingApi; settings: HeatingSettings; onChanged: (m?: string) => void; readOnly?: boolean }) {
  const [v, setV] = useState({
    fuel: settings.fuel, unit: settings.unit, unitSizeKg: text(settings.unitSizeKg), kwhPerUnit: text(settings.kwhPerUnit),
    seasonStartMonth: text(settings.seasonStartMonth), seasonStartDay: text(settings.seasonStartDay), baseMode: settings.baseMode,
    baseTemperatureC: text(settings.baseTemperatureC), latitude: text(settings.latitude), longitude: text(settings.longitude), weatherEnabled: settings.weatherEnabled,
  });
  const s = useSubmit(Object.keys(v), { fallback: t.heatingSettingsForm.couldNotSave });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  // A new fuel brings its own unit and energy per unit; the old ones would not fit it.
  const fuelChanged = v.fuel !== settings.fuel;
  const save = s.onSubmit(async () => {
    await api.saveSettings({
      fuel: v.fuel, unit: fuelChanged ? null : v.unit, unitSizeKg: fuelChanged ? null : parseDecimal(v.unitSizeKg), kwhPerUnit: fuelChanged ? null : parseDecimal(v.kwhPerUnit), meterBased: null,
      seasonStartMonth: parseDecimal(v.seasonStartMonth), seasonStartDay: parseDecimal(v.seasonStartDay), baseMode: v.baseMode,
      baseTemperatureC: parseDecimal(v.baseTemperatureC), latitude: parseDecimal(v.latitude), longitude: parseDecimal(v.longitude), weatherEnabled: v.weatherEnabled,
    });
    onChanged(t.heatingSettingsForm.heatingSettingsSaved);
  });
  const e = s.fieldErrors;
  return (
    <Card title={t.heatingSettingsForm.heatingSettings} data-panel="heating-settings">
      <form ref={s.formRef} noValidate onSubmit={save}><ReadOnlyFields readOnly={readOnly}>
        <SelectField label={t.heatingSettingsForm.fuel} name="fuel" value={v.fuel} onChange={set('fuel')} error={e.fuel} options={FUELS}
          hint={fuelChanged ? t.heatingSettingsForm.unitEnergyPer : undefined} />
        {!fuelChanged ? (
          <>
            <SelectField label={t.heatingSettingsForm.unit} name="unit" value={v.unit} onChange={set('unit')} error={e.unit} options={settings.unitsForFuel.map((u) => ({ value: u, label: u }))} />
            <TextField label={t.heatingSettingsForm.unitSizeKg} name="unitSizeKg" inputMode="decimal" value={v.unitSizeKg} onChange={set('unitSizeKg')} error={e.unitSizeKg} />
            <TextField label={t.heatingSettingsForm.energyPerUnit} name="kwhPerUnit" inputMode="decimal" value={v.kwhPerUnit} onChange={set('kwhPerUnit')} error={e.kwhPerUnit} />
          </>
        ) : null}
        <div className="two">
          <TextField label={t.heatingSettingsForm.seasonStartsMonth} name="seasonStartMonth" inputMode="numeric" value={v.seasonStartMonth} onChange={set('seasonStartMonth')} error={e.seasonStartMonth} />
          <TextField label={t.heatingSettingsForm.day} name="seasonStartDay" inputMode="numeric" value={v.seasonStartDay} onChange={set('seasonStartDay')} error={e.seasonStartDay} />
        </div>
        <SelectField label={t.heatingSettingsForm.degreeDayBase} name="baseMode" value={v.baseMode} onChange={set('baseMode')} error={e.baseMode}
          options={[{ value: 'fixed', label: t.heatingSettingsForm.fixedTemperature }, { value: 'fit', label: t.heatingSettingsForm.letDataChoose }]} />
        {v.baseMode !== 'fit' ? <TextField label={t.heatingSettingsForm.baseTemperatureC} name="baseTemperatureC" inputMode="decimal" value={v.baseTemperatureC} onChange={set('baseTemperatureC')}
          error={e.baseTemperatureC} hint={t.heatingSettingsForm.daysWarmerThan} /> : null}
        <div className="two">
          <TextField label={t.heatingSettingsForm.latitude} name="latitude" inputMode="decimal" value={v.latitude} onChange={set('latitude')} error={e.latitude} />
          <TextField label={t.heatingSettingsForm.longitude} name="longitude" inputMode="decimal" value={v.longitude} onChange={set('longitude')} error={e.longitude} />
        </div>
        <label className="check"><input type="checkbox" name="weatherEnabled" checked={v.weatherEnabled} onChange={(x) => setV((o) => ({ ...o, weatherEnabled: x.target.checked }))} />{t.heatingSettingsForm.fetchDailyTemperatures}</label>
        {e.weatherEnabled ? <p className="field-error">{e.weatherEnabled}</p> : null}
        {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
        {readOnly ? null : <Button type="submit" busy={s.busy}>{t.heatingSettingsForm.saveSettings}</Button>}
      </ReadOnlyFields></form>
    </Card>
  );
}
