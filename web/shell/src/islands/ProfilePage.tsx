import { useEffect, useState } from 'react';
import { api, unwrap } from '@trackstack/api';
import { Button, Card, LinkButton, Notice, Skeleton, TextField, useDraftState, useSubmit } from '@trackstack/ui';
import { householdChanged } from '../lib/session';
import { currentTheme, setTheme, type Theme } from '../lib/theme';
import { useSession } from './session';
import { DigestsCard } from './DigestsCard';
import { t as strings } from '../strings';

export function ProfilePage() {
  const { me } = useSession();
  return (
    <>
      <h1>{strings.profilePage.profile}</h1>
      {me ? <DisplayNameForm initial={me.displayName} email={me.email} /> : <ProfileSkeleton />}
      {me ? (me.hasPassword ? <PasswordForm /> : (
        <Card title={strings.profilePage.password}><p className="muted">{strings.profilePage.youSignWith}{me.externalLogins.join(', ') || strings.profilePage.externalProvider}{strings.profilePage.addPasswordUse}</p></Card>
      )) : null}
      {me?.households.map((h) => <DigestsCard key={h.id} householdId={h.id} name={h.name} />)}
      <AppearanceCard />
      <LinkButton href="/sign-out" variant="danger" block>{strings.profilePage.signOut}</LinkButton>
    </>
  );
}

function ProfileSkeleton() {
  return (
    <Card title={strings.profilePage.yourDetails} busy>
      <div className="field"><Skeleton width="40%" /><Skeleton height="48px" radius="12px" /></div>
      <div className="field"><Skeleton width="30%" /><Skeleton height="48px" radius="12px" /></div>
      <div><Skeleton width="8rem" height="44px" radius="12px" /></div>
    </Card>
  );
}

function DisplayNameForm({ initial, email }: { initial: string; email: string }) {
  const form = useDraftState('profile', { displayName: initial });
  const s = useSubmit(['displayName']);
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (saved) { const t = setTimeout(() => setSaved(false), 4000); return () => clearTimeout(t); } }, [saved]);
  return (
    <Card title={strings.profilePage.yourDetails}>
      <form ref={s.formRef} onSubmit={s.onSubmit(async () => {
        await unwrap(api().typed.PUT('/api/me', { body: { displayName: form.values.displayName } }));
        householdChanged('');
        setSaved(true);
      })} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        <p><span className="muted">{strings.profilePage.signedAs}</span> <strong className="break">{email}</strong></p>
        <TextField label={strings.profilePage.displayName} name="displayName" autoComplete="name" required value={form.values.displayName}
          onChange={(e) => form.set('displayName', e.target.value)} error={s.fieldErrors.displayName} />
        <div className="btn-row">
          <Button type="submit" busy={s.busy}>{strings.profilePage.save}</Button>
          {saved ? <span role="status" className="muted inline-status">{strings.profilePage.saved}</span> : null}
        </div>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const s = useSubmit(['currentPassword', 'newPassword']);
  const [done, setDone] = useState(false);
  return (
    <Card title={strings.profilePage.changePassword}>
      <form ref={s.formRef} onSubmit={s.onSubmit(async () => {
        await unwrap(api().typed.POST('/api/me/password', { body: values }));
        setValues({ currentPassword: '', newPassword: '' });
        setDone(true);
      })} noValidate>
        {done ? <Notice kind="success">{strings.profilePage.passwordChangedOther}</Notice> : null}
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        <TextField label={strings.profilePage.currentPassword} name="currentPassword" type="password" autoComplete="current-password" value={values.currentPassword}
          onChange={(e) => setValues({ ...values, currentPassword: e.target.value })} error={s.fieldErrors.currentPassword} />
        <TextField label={strings.profilePage.newPassword} name="newPassword" type="password" autoComplete="new-password" value={values.newPassword}
          hint={strings.profilePage.atLeast10} onChange={(e) => setValues({ ...values, newPassword: e.target.value })} error={s.fieldErrors.newPassword} />
        <div><Button type="submit" busy={s.busy}>{strings.profilePage.changePassword}</Button></div>
      </form>
    </Card>
  );
}

function AppearanceCard() {
  const [theme, setState] = useState<Theme>(() => (typeof document === 'undefined' ? 'dark' : currentTheme()));
  return (
    <Card title={strings.profilePage.appearance}>
      <fieldset className="choice" role="radiogroup" aria-label={strings.profilePage.theme}>
        {(['dark', 'light'] as const).map((t) => (
          <label key={t} className="choice-option">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => { setTheme(t); setState(t); }} />
            {t === 'dark' ? strings.profilePage.dark : strings.profilePage.light}
          </label>
        ))}
      </fieldset>
    </Card>
  );
}
