import { useState } from 'react';
import { api, unwrap } from '@trackstack/api';
import { Button, Notice, TextField, useDraftState, useSubmit } from '@trackstack/ui';
import { t } from '../../strings';

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
      <h1>{t.forgotPasswordPage.resetYourPassword}</h1>
      {sent ? (
        <Notice kind="success"><p>{t.forgotPasswordPage.ifAccountUses}<strong>{form.values.email}</strong>{t.forgotPasswordPage.resetLinkIts}</p></Notice>
      ) : (
        <form ref={s.formRef} onSubmit={submit} noValidate>
          <p className="muted">{t.forgotPasswordPage.weWillE}</p>
          {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
          <TextField label={t.forgotPasswordPage.eMail} name="email" type="email" autoComplete="email" inputMode="email" required
            value={form.values.email} onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
          <Button type="submit" block busy={s.busy}>{t.forgotPasswordPage.sendLink}</Button>
        </form>
      )}
      <p className="center"><a href="/sign-in">{t.forgotPasswordPage.backToSignIn}</a></p>
    </>
  );
}
