import { useState } from 'react';
import { api, unwrap } from '@trackstack/api';
import { Button, Notice, TextField, useSubmit } from '@trackstack/ui';
import { forgetSession } from '../../lib/session';
import { query } from '../../lib/url';
import { t } from '../../strings';

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
    return <><h1>{t.resetPasswordPage.chooseNewPassword}</h1><Notice kind="error">{t.resetPasswordPage.linkIncompleteOpen}<a href="/forgot-password">{t.resetPasswordPage.askNewOne}</a>.</Notice></>;
  }
  return (
    <>
      <h1>{t.resetPasswordPage.chooseNewPassword}</h1>
      <form ref={s.formRef} onSubmit={submit} noValidate>
        {s.formError ? <Notice kind="error">{s.formError} <a href="/forgot-password">{t.resetPasswordPage.askNewLink}</a>.</Notice> : null}
        <TextField label={t.resetPasswordPage.newPassword} name="password" type="password" autoComplete="new-password" required
          hint={t.resetPasswordPage.atLeast10}
          value={password} onChange={(e) => setPassword(e.target.value)} error={s.fieldErrors.password} />
        <Button type="submit" block busy={s.busy}>{t.resetPasswordPage.saveNewPassword}</Button>
      </form>
    </>
  );
}
