import { api, unwrap } from '@trackstack/api';
import { Button, Card, Notice, Skeleton, useDraftState, useSubmit } from '@trackstack/ui';
import { loadMe, pickHousehold, setCurrentHousehold } from '../../lib/session';
import { useSession } from '../session';
import { ROLE_LABEL } from './roles';
import { SettingsFields, browserDefaults } from './SettingsFields';
import { t } from '../../strings';

/** /households: every household you belong to, switching, and creating a new one. */
export function HouseholdsPage() {
  const { me } = useSession();
  const current = me ? pickHousehold(me) : null;
  const defaults = browserDefaults();
  const form = useDraftState('create-household', { name: '', timeZone: defaults.timeZone, currency: 'EUR', locale: defaults.locale });
  const s = useSubmit(['name', 'timeZone', 'currency', 'locale']);
  const create = s.onSubmit(async () => {
    const h = await unwrap(api().typed.POST('/api/households', { body: form.values }));
    form.setValues({ ...form.values, name: '' });
    await loadMe(true);
    setCurrentHousehold(h.id);
    window.location.assign('/household');
  });
  return (
    <>
      <h1>{t.householdsPage.households}</h1>
      <Card title={t.householdsPage.yours} busy={!me}>
        {me ? (
          <ul className="list" aria-label={t.householdsPage.yourHouseholds}>
            {me.households.map((h) => (
              <li key={h.id} data-household={h.name}>
                <div className="grow">
                  <div className="title">{h.name}</div>
                  <div className="sub">{ROLE_LABEL[h.role]}{h.isPersonal ? t.householdsPage.personal : ''}</div>
                </div>
                {h.id === current
                  ? <span className="pill" aria-label={t.householdsPage.currentHousehold(h.name)}>{t.householdsPage.current}</span>
                  : <Button variant="secondary" onClick={() => { setCurrentHousehold(h.id); window.location.assign('/'); }} aria-label={t.householdsPage.switchName(h.name)}>{t.householdsPage.switch}</Button>}
              </li>
            ))}
          </ul>
        ) : (
          <ul className="list">{[0, 1].map((i) => <li key={i}><div className="grow"><div className="title"><Skeleton width="50%" /></div><div className="sub"><Skeleton width="30%" /></div></div></li>)}</ul>
        )}
      </Card>
      <Card title={t.householdsPage.createHousehold}>
        <form ref={s.formRef} onSubmit={create} noValidate>
          {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
          <SettingsFields values={form.values} set={(k, v) => form.set(k, v)} errors={s.fieldErrors} />
          <Button type="submit" busy={s.busy}>{t.householdsPage.createHousehold2}</Button>
        </form>
      </Card>
    </>
  );
}
