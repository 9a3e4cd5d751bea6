import { useState } from 'react';
import { api, unwrap } from '@trackstack/api';
import { Button, LinkButton, Notice, TextField, useDraftState, useSubmit } from '@trackstack/ui';
import { forgetSession } from '../../lib/session';
import { signUpProblems } from '../../lib/signUpChecks';
import { returnUrl, withReturn } from '../../lib/url';
import { OAuthButtons } from './OAuthButtons';
import { t } from '../../strings';

/** /sign-up: a new account, then either straight in or "check your inbox" when the server verifies e-mail first. */
export function SignUpPage() {
  const form = useDraftState('sign-up', { displayName: '', email: '', password: '' }, ['password']);
  const s = useSubmit(['displayName', 'email', 'password']);
  const [verifyEmail, setVerifyEmail] = useState<string | null>(null);

  const submit = s.onSubmit(async () => {
    // Checked here first: a mistake shows at once, even offline, and costs no request (or rate-limit slot).
    const problems = signUpProblems(form.values);
    if (Object.keys(problems).length) return s.invalid(problems);
    const r = await unwrap(api().typed.POST('/api/auth/register', { body: { ...form.values } }));
    void forgetSession();
    if (r.verificationRequired) setVerifyEmail(r.user.email);
    else window.location.assign(returnUrl());
  });

  if (verifyEmail) {
    return (
      <>
        <h1>{t.signUpPage.checkYourInbox}</h1>
        <Notice kind="success"><p>{t.signUpPage.weSentLink}<strong>{verifyEmail}</strong>{t.signUpPage.openActivateYour}</p></Notice>
        <LinkButton href={withReturn('/sign-in')} block>{t.signUpPage.goToSignIn}</LinkButton>
      </>
    );
  }
  return (
    <>
      <h1>{t.signUpPage.createAccount}</h1>
      <OAuthButtons verb={t.signUpPage.signUp} />
      <form ref={s.formRef} onSubmit={submit} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        <TextField label={t.signUpPage.yourName} name="displayName" autoComplete="name" required
          value={form.values.displayName} onChange={(e) => form.set('displayName', e.target.value)} error={s.fieldErrors.displayName} />
        <TextField label={t.signUpPage.eMail} name="email" type="email" autoComplete="email" inputMode="email" required
          value={form.values.email} onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
        <TextField label={t.signUpPage.password} name="password" type="password" autoComplete="new-password" required
          hint={t.signUpPage.atLeast10}
          value={form.values.password} onChange={(e) => form.set('password', e.target.value)} error={s.fieldErrors.password} />
        <Button type="submit" block busy={s.busy}>{t.signUpPage.createAccount2}</Button>
      </form>
      <p className="center muted">{t.signUpPage.alreadyHaveAccount}<a href={withReturn('/sign-in')}>{t.signUpPage.signIn}</a></p>
    </>
  );
}
