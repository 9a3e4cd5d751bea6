import { useState } from 'react';
import { api, unwrap } from '@trackstack/api';
import { Button, Notice, TextField, useSubmit } from '@trackstack/ui';
import { forgetSession } from '../../lib/session';
import { query } from '../../lib/url';

/** /reset-password?token=…: a new password from the e-mailed link; every device is signed out afterwards. */
export function ResetPasswordPage() {
  const token = query('token');
  const [password, setPassword] = useState('');
  const s = useSubmit(['password']);
  const submit = s.onSubmit(async () => {
    await unwrap(api().typed.POST('/api/auth/reset-password', { body: { token, password } }));
    void forgetSession();
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
