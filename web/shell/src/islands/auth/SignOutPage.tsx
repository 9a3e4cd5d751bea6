import { useEffect, useState } from 'react';
import { api } from '@trackstack/api';
import { Notice } from '@trackstack/ui';
import { forgetSession } from '../../lib/session';
import { t } from '../../strings';

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
      <h1>{t.signOutPage.signingOut}</h1>
      {failed ? <Notice kind="error">{t.signOutPage.couldNotReach}<a href="/sign-out">{t.signOutPage.tryAgain}</a>.</Notice> : <Notice>{t.signOutPage.oneMoment}</Notice>}
    </>
  );
}
