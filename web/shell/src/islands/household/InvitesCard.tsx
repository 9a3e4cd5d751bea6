import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type CreatedInvite, type Household, type HouseholdRole, type Invite } from '@trackstack/api';
import { Button, Card, Notice, SelectField, TextField, useAsync, useDraftState, useFormat, useSubmit } from '@trackstack/ui';
import { ROLE_HELP, ROLE_LABEL } from './roles';
import { t } from '../../strings';

/** Invite by e-mail: the link to share (and whether it was e-mailed), and the invitations still open. */
export function InvitesCard({ household }: { household: Household }) {
  const f = useFormat();
  const invites = useAsync(() => unwrap(api().typed.GET('/api/households/{householdId}/invites', { params: { path: { householdId: household.id } } })), [household.id]);
  const form = useDraftState(`invite-${household.id}`, { email: '', role: 'member' as HouseholdRole });
  const s = useSubmit(['email', 'role']);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => setCopied(false), [created]);
  // The link appears below the form, often off-screen on a phone: bring it into view and onto the link.
  useEffect(() => {
    if (!created) return;
    result.current?.scrollIntoView({ block: 'center' });
    document.getElementById('invite-link')?.focus({ preventScroll: true });
  }, [created]);

  const submit = s.onSubmit(async () => {
    const r = await unwrap(api().typed.POST('/api/households/{householdId}/invites', { params: { path: { householdId: household.id } }, body: form.values }));
    setCreated(r);
    form.setValues({ email: '', role: form.values.role });
    invites.reload();
  });
  const revoke = async (invite: Invite) => {
    await unwrap(api().typed.DELETE('/api/households/{householdId}/invites/{inviteId}', { params: { path: { householdId: household.id, inviteId: invite.id } } }));
    if (created?.id === invite.id) setCreated(null);
    invites.reload();
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.acceptUrl);
      setCopied(true);
    } catch {
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Card title={t.invitesCard.inviteSomeone}>
      <form ref={s.formRef} onSubmit={submit} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        <TextField label={t.invitesCard.theirEMail} name="email" type="email" inputMode="email" autoComplete="off" value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
        <SelectField label={t.invitesCard.role} name="role" value={form.values.role} error={s.fieldErrors.role}
          options={(Object.keys(ROLE_LABEL) as HouseholdRole[]).filter((r) => household.myRole === 'owner' || r !== 'owner').map((r) => ({ value: r, label: `${ROLE_LABEL[r]} – ${ROLE_HELP[r]}` }))}
          onChange={(e) => form.set('role', e.target.value as HouseholdRole)} />
        <div><Button type="submit" busy={s.busy}>{t.invitesCard.createInvite}</Button></div>
      </form>
      {created ? (
        <div ref={result} className="invite-result" data-email-sent={String(created.emailSent)}>
          <Notice kind={created.emailSent ? 'success' : 'info'}>
            {created.emailSent
              ? <p>{t.invitesCard.weEMailed}<strong>{created.email}</strong>{t.invitesCard.youCanAlso}</p>
              : <p>{t.invitesCard.noEMail}<strong>{created.email}</strong>{t.invitesCard.yourself}</p>}
          </Notice>
          <div className="copy-row">
            <label htmlFor="invite-link" className="visually-hidden">{t.invitesCard.invitationLink}</label>
            <input id="invite-link" readOnly value={created.acceptUrl} onFocus={(e) => e.currentTarget.select()} />
            <Button variant="secondary" onClick={copy}>{copied ? t.invitesCard.copied : t.invitesCard.copy}</Button>
          </div>
          <p className="muted">{t.invitesCard.linkWorksOnce(f.date(created.expiresAt))}</p>
        </div>
      ) : null}
      {invites.data && invites.data.length ? (
        <>
          <h3 className="subhead">{t.invitesCard.waitingAnswer}</h3>
          <ul className="list" aria-label={t.invitesCard.pendingInvitations}>
            {invites.data.map((i) => (
              <li key={i.id}>
                <div className="grow"><div className="title">{i.email}</div><div className="sub">{t.invitesCard.until(ROLE_LABEL[i.role], f.date(i.expiresAt))}</div></div>
                <Button variant="ghost" onClick={() => void revoke(i)} aria-label={t.invitesCard.cancelInvitation(i.email)}>{t.invitesCard.cancel}</Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
