import { useEffect, useState } from 'react';
import { api, errorMessage, unwrap } from '@trackstack/api';
import { LinkButton, Notice } from '@trackstack/ui';
import { query } from '../../lib/url';

/** /verify-email?token=…: the link from the e-mail, checked once on arrival. */
export function VerifyEmailPage() {
  const token = query('token');
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [message, setMessage] = useState<string>('This link is incomplete. Open the link from the e-mail again.');
  useEffect(() => {
    if (!token) return;
    unwrap(api().typed.POST('/api/auth/verify-email', { body: { token } })).then(
      () => setState('done'),
      (e) => { setState('failed'); setMessage(errorMessage(e, 'The link did not work.')); },
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
