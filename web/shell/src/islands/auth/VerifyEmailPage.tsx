import { useEffect, useState } from 'react';
import { api, errorMessage, unwrap } from '@trackstack/api';
import { LinkButton, Notice } from '@trackstack/ui';
import { query } from '../../lib/url';
import { t } from '../../strings';

/** /verify-email?token=…: the link from the e-mail, checked once on arrival. */
export function VerifyEmailPage() {
  const token = query('token');
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [message, setMessage] = useState<string>(t.verifyEmailPage.linkIncompleteOpen);
  useEffect(() => {
    if (!token) return;
    unwrap(api().typed.POST('/api/auth/verify-email', { body: { token } })).then(
      () => setState('done'),
      (e) => { setState('failed'); setMessage(errorMessage(e, t.verifyEmailPage.linkDidNot)); },
    );
  }, [token]);
  return (
    <>
      <h1>{t.verifyEmailPage.verifyYourE}</h1>
      <div data-state={state}>
        {state === 'working' ? <Notice>{t.verifyEmailPage.checkingYourLink}</Notice> : null}
        {state === 'done' ? <><Notice kind="success">{t.verifyEmailPage.yourEMail}</Notice><LinkButton variant="primary" block href="/sign-in?notice=verified">{t.verifyEmailPage.signIn}</LinkButton></> : null}
        {state === 'failed' ? <><Notice kind="error">{message}</Notice><p className="muted">{t.verifyEmailPage.linksWorkOnce}</p><LinkButton block href="/sign-in">{t.verifyEmailPage.goToSignIn}</LinkButton></> : null}
      </div>
    </>
  );
}
