import { useState } from 'react';
import { api, unwrap, type Household } from '@trackstack/api';
import { Button, Card, Notice, useDraftState, useSubmit } from '@trackstack/ui';
import { householdChanged } from '../../lib/session';
import { canManage } from './roles';
import { SettingsFields } from './SettingsFields';
import { t } from '../../strings';

/** The household's settings: a form for admins and owners, the values for everyone else. */
export function SettingsCard({ household }: { household: Household }) {
  const editable = canManage(household.myRole);
  const form = useDraftState(`settings-${household.id}`, { name: household.name, timeZone: household.timeZone, currency: household.currency, locale: household.locale });
  const s = useSubmit(['name', 'timeZone', 'currency', 'locale']);
  const [saved, setSaved] = useState(false);
  if (!editable) {
    return (
      <Card title={t.settingsCard.settings}>
        <dl className="facts">
          <dt>{t.settingsCard.timeZone}</dt><dd>{household.timeZone}</dd>
          <dt>{t.settingsCard.currency}</dt><dd>{household.currency}</dd>
          <dt>{t.settingsCard.format}</dt><dd>{household.locale}</dd>
        </dl>
        <p className="muted">{t.settingsCard.onlyAdminsOwners}</p>
      </Card>
    );
  }
  return (
    <Card title={t.settingsCard.settings}>
      <form ref={s.formRef} onSubmit={s.onSubmit(async () => {
        await unwrap(api().typed.PUT('/api/households/{householdId}', { params: { path: { householdId: household.id } }, body: form.values }));
        householdChanged(household.id);
        setSaved(true);
      })} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        {saved ? <Notice kind="success">{t.settingsCard.settingsSaved}</Notice> : null}
        <SettingsFields values={form.values} set={(k, v) => { setSaved(false); form.set(k, v); }} errors={s.fieldErrors} />
        <div><Button type="submit" busy={s.busy}>{t.settingsCard.saveSettings}</Button></div>
      </form>
    </Card>
  );
}
