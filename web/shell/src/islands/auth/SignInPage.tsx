import { useState } from 'react';
import { api, ApiError, unwrap } from '@trackstack/api';
import { Button, Notice, TextField, useDraftState, useSubmit } from '@trackstack/ui';
import { forgetSession } from '../../lib/session';
import { query, returnUrl, withReturn } from '../../lib/url';
import { SIGN_IN_ERRORS, SIGN_IN_NOTICES } from './messages';
import { OAuthButtons } from './OAuthButtons';
import { t } from '../../strings';

/** /sign-in: e-mail and password (or a provider), the server's codes in words, and resending the verification link. */
export function SignInPage() {
  const error = query('error');
  const notice = query('notice');
  const form = useDraftState('sign-in', { email: '', password: '' }, ['password']);
  const s = useSubmit(['email', 'password']);
  const [unverified, setUnverified] = useState(false);
  const [resent, setResent] = useState(false);

  const submit = s.onSubmit(async () => {
    setUnverified(false);
    try {
      await unwrap(api().typed.POST('/api/auth/login', { body: { email: form.values.email, password: form.values.password } }));
    } catch (e) {
      if (e instanceof ApiError && e.problem?.code === 'email_not_verified') setUnverified(true);
      throw e;
    }
    void forgetSession();
    window.location.assign(returnUrl());
  });

  return (
    <>
      <h1>{t.signInPage.signIn}</h1>
      {error ? <Notice kind="error">{SIGN_IN_ERRORS[error] ?? t.signInPage.signingDidNot}</Notice> : null}
      {notice && SIGN_IN_NOTICES[notice] ? <Notice kind={notice === 'verify_email' ? 'info' : 'success'}>{SIGN_IN_NOTICES[notice]}</Notice> : null}
      <OAuthButtons verb={t.signInPage.signIn} />
      <form ref={s.formRef} onSubmit={submit} noValidate aria-describedby={s.formError ? 'form-error' : undefined}>
        {s.formError ? <Notice kind="error" id="form-error">{s.formError}</Notice> : null}
        {unverified ? (
          <div>
            <Button variant="secondary" disabled={resent} onClick={async () => {
              await api().typed.POST('/api/auth/verify-email/resend', { body: { email: form.values.email } });
              setResent(true);
            }}>{resent ? t.signInPage.linkSentCheck : t.signInPage.sendLinkAgain}</Button>
          </div>
        ) : null}
        <TextField label={t.signInPage.eMail} name="email" type="email" autoComplete="email" inputMode="email" required
          value={form.values.email} onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
        <TextField label={t.signInPage.password} name="password" type="password" autoComplete="current-password" required
          value={form.values.password} onChange={(e) => form.set('password', e.target.value)} error={s.fieldErrors.password} />
        <Button type="submit" block busy={s.busy}>{t.signInPage.signIn}</Button>
      </form>
      <p className="center"><a href="/forgot-password">{t.signInPage.forgotYourPassword}</a></p>
      <p className="center muted">{t.signInPage.newHere}<a href={withReturn('/sign-up')}>{t.signInPage.createAccount}</a></p>
    </>
  );
}
