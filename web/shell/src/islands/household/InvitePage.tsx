import { api, ApiError, errorMessage, noSignInRedirect, unwrap } from '@trackstack/api';
import { Button, Card, LinkButton, Notice, Skeleton, useAsync, useSubmit } from '@trackstack/ui';
import { loadMe, setCurrentHousehold } from '../../lib/session';
import { ROLE_HELP, ROLE_LABEL } from './roles';

/** /invite?token=…: what the invitation is for, then accept it (after signing in or up). */
export function InvitePage() {
  const token = typeof window === 'undefined' ? null : new URLSearchParams(location.search).get('token');
  const here = typeof window === 'undefined' ? '/invite' : location.pathname + location.search;
  const preview = useAsync(async () => {
    if (!token) throw new ApiError(404, { title: 'This invitation link is incomplete.' });
    return unwrap(api().typed.GET('/api/invites/{token}', { params: { path: { token } }, ...noSignInRedirect }));
  }, [token]);
  const s = useSubmit([]);
  const accept = () => s.run(async () => {
    const h = await unwrap(api().typed.POST('/api/invites/{token}/accept', { params: { path: { token: token! } } }));
    await loadMe(true);
    setCurrentHousehold(h.id);
    window.location.assign('/');
  });
  const signedOut = preview.status === 'error' && preview.error instanceof ApiError && preview.error.status === 401;
  return (
    <>
      <h1>Invitation</h1>
      <div data-state={signedOut ? 'signed-out' : preview.status}>
        {preview.status === 'loading' ? (
          <Card title={<Skeleton width="12rem" />} busy><Skeleton width="70%" /><Skeleton height="44px" width="8rem" radius="12px" /></Card>
        ) : signedOut ? (
          <Card title="You have been invited to a household">
            <p>Sign in, or create an account with the e-mail address the invitation was sent to. You will come back here to accept it.</p>
            <div className="btn-row">
              <LinkButton variant="primary" href={`/sign-up?returnUrl=${encodeURIComponent(here)}`}>Create an account</LinkButton>
              <LinkButton href={`/sign-in?returnUrl=${encodeURIComponent(here)}`}>Sign in</LinkButton>
            </div>
          </Card>
        ) : preview.status === 'error' ? (
          <Notice kind="error"><p>{preview.error instanceof ApiError && preview.error.status === 404 ? 'This invitation is not valid any more. It may have been used, cancelled or have expired. Ask for a new one.' : errorMessage(preview.error, 'Could not load the invitation.')}</p></Notice>
        ) : (
          <Card title={`Join ${preview.data!.householdName}`}>
            <p>You are invited as <strong>{ROLE_LABEL[preview.data!.role]}</strong> ({ROLE_HELP[preview.data!.role]}). The invitation was sent to {preview.data!.email}.</p>
            {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
            <div className="btn-row">
              <Button onClick={() => void accept()} busy={s.busy}>Accept and join</Button>
              <LinkButton href="/" variant="ghost">Not now</LinkButton>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
