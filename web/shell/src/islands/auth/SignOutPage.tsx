import { useEffect, useState } from 'react';
import { api } from '@trackstack/api';
import { Notice } from '@trackstack/ui';
import { forgetSession } from '../../lib/session';

/** /sign-out: ends the session on the server, then goes to sign-in. */
export function SignOutPage() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api().http.request('/api/auth/logout', { method: 'POST', noSignInRedirect: true }).then(
      async () => { await forgetSession(); window.location.replace('/sign-in?notice=signed_out'); },
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
