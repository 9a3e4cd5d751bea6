import { api, ApiError, errorMessage, noSignInRedirect, unwrap } from '@trackstack/api';
import { Button, Card, LinkButton, Notice, Skeleton, useAsync, useSubmit } from '@trackstack/ui';
import { loadMe, setCurrentHousehold } from '../../lib/session';
import { ROLE_HELP, ROLE_LABEL } from './roles';
import { t } from '../../strings';

/** /invite?token=…: what the invitation is for, then accept it (after signing in or up). */
export function InvitePage() {
  const token = typeof window === 'undefined' ? null : new URLSearchParams(location.search).get('token');
  const here = typeof window === 'undefined' ? '/invite' : location.pathname + location.search;
  const preview = useAsync(async () => {
    if (!token) throw new ApiError(404, { title: t.invitePage.invitationLinkIncomplete });
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
      <h1>{t.invitePage.invitation}</h1>
      <div data-state={signedOut ? 'signed-out' : preview.status}>
        {preview.status === 'loading' ? (
          <Card title={<Skeleton width="12rem" />} busy><Skeleton width="70%" /><Skeleton height="44px" width="8rem" radius="12px" /></Card>
        ) : signedOut ? (
          <Card title={t.invitePage.youHaveBeen}>
            <p>{t.invitePage.signCreateAccount}</p>
            <div className="btn-row">
              <LinkButton variant="primary" href={`/sign-up?returnUrl=${encodeURIComponent(here)}`}>{t.invitePage.createAccount}</LinkButton>
              <LinkButton href={`/sign-in?returnUrl=${encodeURIComponent(here)}`}>{t.invitePage.signIn}</LinkButton>
            </div>
          </Card>
        ) : preview.status === 'error' ? (
          <Notice kind="error"><p>{preview.error instanceof ApiError && preview.error.status === 404 ? t.invitePage.invitationNotValid : errorMessage(preview.error, t.invitePage.couldNotLoad)}</p></Notice>
        ) : (
          <Card title={t.invitePage.join(preview.data!.householdName)}>
            <p>{t.invitePage.youAreInvited}<strong>{ROLE_LABEL[preview.data!.role]}</strong>{t.invitePage.invitationWasSent(ROLE_HELP[preview.data!.role], preview.data!.email)}</p>
            {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
            <div className="btn-row">
              <Button onClick={() => void accept()} busy={s.busy}>{t.invitePage.acceptJoin}</Button>
              <LinkButton href="/" variant="ghost">{t.invitePage.notNow}</LinkButton>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
