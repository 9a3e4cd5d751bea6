import { useState } from 'react';
import { api, unwrap, type Household } from '@trackstack/api';
import { Button, Card, Notice, useDraftState, useSubmit } from '@trackstack/ui';
import { householdChanged } from '../../lib/session';
import { canManage } from './roles';
import { SettingsFields } from './SettingsFields';

/** The household's settings: a form for admins and owners, the values for everyone else. */
export function SettingsCard({ household }: { household: Household }) {
  const editable = canManage(household.myRole);
  const form = useDraftState(`settings-${household.id}`, { name: household.name, timeZone: household.timeZone, currency: household.currency, locale: household.locale });
  const s = useSubmit(['name', 'timeZone', 'currency', 'locale']);
  const [saved, setSaved] = useState(false);
  if (!editable) {
    return (
      <Card title="Settings">
        <dl className="facts">
          <dt>Time zone</dt><dd>{household.timeZone}</dd>
          <dt>Currency</dt><dd>{household.currency}</dd>
          <dt>Format</dt><dd>{household.locale}</dd>
        </dl>
        <p className="muted">Only admins and owners change these.</p>
      </Card>
    );
  }
  return (
    <Card title="Settings">
      <form ref={s.formRef} onSubmit={s.onSubmit(async () => {
        await unwrap(api().typed.PUT('/api/households/{householdId}', { params: { path: { householdId: household.id } }, body: form.values }));
        householdChanged(household.id);
        setSaved(true);
      })} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        {saved ? <Notice kind="success">Settings saved.</Notice> : null}
        <SettingsFields values={form.values} set={(k, v) => { setSaved(false); form.set(k, v); }} errors={s.fieldErrors} />
        <div><Button type="submit" busy={s.busy}>Save settings</Button></div>
      </form>
    </Card>
  );
}
