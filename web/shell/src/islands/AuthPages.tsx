import { useEffect, useState } from 'react';
import { api, ApiError, unwrap, type Provider } from '@trackstack/api';
import { Button, LinkButton, Notice, TextField, useDraftState, useSubmit } from '@trackstack/ui';
import { forgetSession } from '../lib/session';
import { query, returnUrl, withReturn } from '../lib/url';

export const SIGN_IN_ERRORS: Record<string, string> = {
  external_failed: 'Signing in with that provider did not work. Try again, or use your e-mail and password.',
  email_required: 'The provider did not share an e-mail address. Make one visible there, or sign up with e-mail and password.',
  account_exists: 'An account with this e-mail address already exists. Sign in with your e-mail and password.',
  locked_out: 'This account is locked for a while after too many failed sign-ins. Try again later, or reset your password.',
};

export const SIGN_IN_NOTICES: Record<string, string> = {
  verify_email: 'Almost there: open the link we e-mailed you to verify your address, then sign in.',
  signed_out: 'You are signed out.',
  password_reset: 'Your password was changed. Sign in with the new one.',
  verified: 'Your e-mail address is verified. Sign in to continue.',
};

function useProviders() {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    unwrap(api().typed.GET('/api/auth/providers')).then(setProviders, () => setProviders([]));
  }, []);
  return providers;
}

function OAuthButtons({ verb }: { verb: string }) {
  const providers = useProviders();
  if (providers.length === 0) return null;
  const target = returnUrl();
  return (
    <>
      <div className="oauth">
        {providers.map((p) => (
          <LinkButton key={p.name} block href={`${p.signInUrl}?returnUrl=${encodeURIComponent(target)}`}>{verb} with {p.displayName}</LinkButton>
        ))}
      </div>
      <p className="muted center">or with your e-mail address</p>
    </>
  );
}

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
    forgetSession();
    window.location.assign(returnUrl());
  });

  return (
    <>
      <h1>Sign in</h1>
      {error ? <Notice kind="error">{SIGN_IN_ERRORS[error] ?? 'Signing in did not work. Try again.'}</Notice> : null}
      {notice && SIGN_IN_NOTICES[notice] ? <Notice kind={notice === 'verify_email' ? 'info' : 'success'}>{SIGN_IN_NOTICES[notice]}</Notice> : null}
      <OAuthButtons verb="Sign in" />
      <form ref={s.formRef} onSubmit={submit} noValidate aria-describedby={s.formError ? 'form-error' : undefined}>
        {s.formError ? <Notice kind="error" id="form-error">{s.formError}</Notice> : null}
        {unverified ? (
          <div>
            <Button variant="secondary" disabled={resent} onClick={async () => {
              await api().typed.POST('/api/auth/verify-email/resend', { body: { email: form.values.email } });
              setResent(true);
            }}>{resent ? 'Link sent. Check your inbox.' : 'Send the link again'}</Button>
          </div>
        ) : null}
        <TextField label="E-mail" name="email" type="email" autoComplete="email" inputMode="email" required
          value={form.values.email} onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required
          value={form.values.password} onChange={(e) => form.set('password', e.target.value)} error={s.fieldErrors.password} />
        <Button type="submit" block busy={s.busy}>Sign in</Button>
      </form>
      <p className="center"><a href="/forgot-password">Forgot your password?</a></p>
      <p className="center muted">New here? <a href={withReturn('/sign-up')}>Create an account</a></p>
    </>
  );
}

export function SignUpPage() {
  const form = useDraftState('sign-up', { displayName: '', email: '', password: '' }, ['password']);
  const s = useSubmit(['displayName', 'email', 'password']);
  const [verifyEmail, setVerifyEmail] = useState<string | null>(null);

  const submit = s.onSubmit(async () => {
    const r = await unwrap(api().typed.POST('/api/auth/register', { body: { ...form.values } }));
    forgetSession();
    if (r.verificationRequired) setVerifyEmail(r.user.email);
    else window.location.assign(returnUrl());
  });

  if (verifyEmail) {
    return (
      <>
        <h1>Check your inbox</h1>
        <Notice kind="success"><p>We sent a link to <strong>{verifyEmail}</strong>. Open it to activate your account, then sign in.</p></Notice>
        <LinkButton href={withReturn('/sign-in')} block>Go to sign in</LinkButton>
      </>
    );
  }
  return (
    <>
      <h1>Create an account</h1>
      <OAuthButtons verb="Sign up" />
      <form ref={s.formRef} onSubmit={submit} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        <TextField label="Your name" name="displayName" autoComplete="name" required
          value={form.values.displayName} onChange={(e) => form.set('displayName', e.target.value)} error={s.fieldErrors.displayName} />
        <TextField label="E-mail" name="email" type="email" autoComplete="email" inputMode="email" required
          value={form.values.email} onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required
          hint="At least 10 characters. A few words you remember work well."
          value={form.values.password} onChange={(e) => form.set('password', e.target.value)} error={s.fieldErrors.password} />
        <Button type="submit" block busy={s.busy}>Create account</Button>
      </form>
      <p className="center muted">Already have an account? <a href={withReturn('/sign-in')}>Sign in</a></p>
    </>
  );
}

export function VerifyEmailPage() {
  const token = query('token');
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [message, setMessage] = useState<string>('This link is incomplete. Open the link from the e-mail again.');
  useEffect(() => {
    if (!token) return;
    unwrap(api().typed.POST('/api/auth/verify-email', { body: { token } })).then(
      () => setState('done'),
      (e) => { setState('failed'); setMessage(e instanceof ApiError ? e.message : 'The link did not work.'); },
    );
  }, [token]);
  return (
    <>
      <h1>Verify your e-mail</h1>
      <div data-state={state}>
        {state === 'working' ? <Notice>Checking your link…</Notice> : null}
        {state === 'done' ? <><Notice kind="success">Your e-mail address is verified.</Notice><LinkButton variant="primary" block href="/sign-in?notice=verified">Sign in</LinkButton></> : null}
        {state === 'failed' ? <><Notice kind="error">{message}</Notice><p className="muted">Links work once and expire after a day. Sign in to ask for a new one.</p><LinkButton block href="/sign-in">Go to sign in</LinkButton></> : null}
      </div>
    </>
  );
}

export function ForgotPasswordPage() {
  const form = useDraftState('forgot', { email: '' });
  const s = useSubmit(['email']);
  const [sent, setSent] = useState(false);
  const submit = s.onSubmit(async () => {
    await unwrap(api().typed.POST('/api/auth/forgot-password', { body: { email: form.values.email } }));
    setSent(true);
  });
  return (
    <>
      <h1>Reset your password</h1>
      {sent ? (
        <Notice kind="success"><p>If an account uses <strong>{form.values.email}</strong>, a reset link is on its way. It works once, for an hour.</p></Notice>
      ) : (
        <form ref={s.formRef} onSubmit={submit} noValidate>
          <p className="muted">We will e-mail you a link to choose a new password.</p>
          {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
          <TextField label="E-mail" name="email" type="email" autoComplete="email" inputMode="email" required
            value={form.values.email} onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
          <Button type="submit" block busy={s.busy}>Send the link</Button>
        </form>
      )}
      <p className="center"><a href="/sign-in">Back to sign in</a></p>
    </>
  );
}

export function ResetPasswordPage() {
  const token = query('token');
  const [password, setPassword] = useState('');
  const s = useSubmit(['password']);
  const submit = s.onSubmit(async () => {
    await unwrap(api().typed.POST('/api/auth/reset-password', { body: { token, password } }));
    forgetSession();
    window.location.assign('/sign-in?notice=password_reset');
  });
  if (!token) {
    return <><h1>Choose a new password</h1><Notice kind="error">This link is incomplete. Open the link from the e-mail again, or <a href="/forgot-password">ask for a new one</a>.</Notice></>;
  }
  return (
    <>
      <h1>Choose a new password</h1>
      <form ref={s.formRef} onSubmit={submit} noValidate>
        {s.formError ? <Notice kind="error">{s.formError} <a href="/forgot-password">Ask for a new link</a>.</Notice> : null}
        <TextField label="New password" name="password" type="password" autoComplete="new-password" required
          hint="At least 10 characters. Every device is signed out afterwards."
          value={password} onChange={(e) => setPassword(e.target.value)} error={s.fieldErrors.password} />
        <Button type="submit" block busy={s.busy}>Save the new password</Button>
      </form>
    </>
  );
}

export function SignOutPage() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api().http.request('/api/auth/logout', { method: 'POST', noSignInRedirect: true }).then(
      () => { forgetSession(); window.location.replace('/sign-in?notice=signed_out'); },
      () => setFailed(true),
    );
  }, []);
  return (
    <>
      <h1>Signing out…</h1>
      {failed ? <Notice kind="error">Could not reach the server. <a href="/sign-out">Try again</a>.</Notice> : <Notice>One moment.</Notice>}
    </>
  );
}
