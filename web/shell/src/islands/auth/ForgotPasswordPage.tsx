import { useState } from 'react';
import { api, unwrap } from '@trackstack/api';
import { Button, Notice, TextField, useDraftState, useSubmit } from '@trackstack/ui';

/** /forgot-password: asks for a reset link (the answer never says whether the account exists). */
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
