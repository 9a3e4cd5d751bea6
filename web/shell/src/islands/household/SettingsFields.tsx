import { useMemo } from 'react';
import { TextField } from '@trackstack/ui';
import { t } from '../../strings';

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'JPY', 'CNY', 'INR', 'BRL', 'MXN', 'ZAR'];
const COMMON_LOCALES = ['en-GB', 'en-US', 'de-DE', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CH', 'nl-NL', 'nl-BE', 'it-IT', 'es-ES', 'pt-PT', 'pt-BR', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'pl-PL', 'cs-CZ', 'ja-JP'];

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York'];
  }
}

export function browserDefaults() {
  if (typeof window === 'undefined') return { timeZone: 'UTC', locale: 'en-GB' };
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', locale: navigator.language || 'en-GB' };
}

/** Name, time zone, currency and number format of a household, with the common choices offered. */
export function SettingsFields({ values, set, errors, disabled }: {
  values: { name: string; timeZone: string; currency: string; locale: string };
  set: (k: 'name' | 'timeZone' | 'currency' | 'locale', v: string) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const zones = useMemo(timeZones, []);
  return (
    <>
      <TextField label={t.settingsFields.name} name="name" required value={values.name} disabled={disabled} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextField label={t.settingsFields.timeZone} name="timeZone" list="tz-list" value={values.timeZone} disabled={disabled} autoComplete="off"
        hint={t.settingsFields.daysMonthsStart} onChange={(e) => set('timeZone', e.target.value)} error={errors.timeZone} />
      <datalist id="tz-list">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      <TextField label={t.settingsFields.currency} name="currency" list="currency-list" value={values.currency} disabled={disabled} autoComplete="off" maxLength={3}
        hint={t.settingsFields.threeLetterIso} onChange={(e) => set('currency', e.target.value.toUpperCase())} error={errors.currency} />
      <datalist id="currency-list">{COMMON_CURRENCIES.map((c) => <option key={c} value={c} />)}</datalist>
      <TextField label={t.settingsFields.languageNumberFormat} name="locale" list="locale-list" value={values.locale} disabled={disabled} autoComplete="off"
        hint={t.settingsFields.howDatesAmounts} onChange={(e) => set('locale', e.target.value)} error={errors.locale} />
      <datalist id="locale-list">{COMMON_LOCALES.map((c) => <option key={c} value={c} />)}</datalist>
    </>
  );
}
