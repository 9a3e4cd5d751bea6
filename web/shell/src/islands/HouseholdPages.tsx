import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, noSignInRedirect, unwrap, type CreatedInvite, type Household, type HouseholdRole, type Invite, type Member } from '@trackstack/api';
import { Button, Card, LinkButton, Notice, SelectField, Skeleton, TextField, useAsync, useDraftState, useFormat, FormatProvider, useSubmit } from '@trackstack/ui';
import { householdChanged, loadMe, pickHousehold, setCurrentHousehold } from '../lib/session';
import { useSession } from './session';

export const ROLE_LABEL: Record<HouseholdRole, string> = { viewer: 'Viewer', member: 'Member', admin: 'Admin', owner: 'Owner' };
const ROLE_HELP: Record<HouseholdRole, string> = {
  viewer: 'sees everything, changes nothing',
  member: 'also records data',
  admin: 'also changes settings and manages members',
  owner: 'can do everything',
};
const rank: Record<HouseholdRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
export const canManage = (role: HouseholdRole | undefined) => role === 'admin' || role === 'owner';

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'JPY', 'CNY', 'INR', 'BRL', 'MXN', 'ZAR'];
const COMMON_LOCALES = ['en-GB', 'en-US', 'de-DE', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CH', 'nl-NL', 'nl-BE', 'it-IT', 'es-ES', 'pt-PT', 'pt-BR', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'pl-PL', 'cs-CZ', 'ja-JP'];

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York'];
  }
}

export function browserDefaults() {
  if (typeof window === 'undefined') return { timeZone: 'UTC', locale: 'en-GB' };
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', locale: navigator.language || 'en-GB' };
}

function SettingsFields({ values, set, errors, disabled }: {
  values: { name: string; timeZone: string; currency: string; locale: string };
  set: (k: 'name' | 'timeZone' | 'currency' | 'locale', v: string) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const zones = useMemo(timeZones, []);
  return (
    <>
      <TextField label="Name" name="name" required value={values.name} disabled={disabled} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextField label="Time zone" name="timeZone" list="tz-list" value={values.timeZone} disabled={disabled} autoComplete="off"
        hint="Days and months start at midnight here, e.g. Europe/Brussels." onChange={(e) => set('timeZone', e.target.value)} error={errors.timeZone} />
      <datalist id="tz-list">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      <TextField label="Currency" name="currency" list="currency-list" value={values.currency} disabled={disabled} autoComplete="off" maxLength={3}
        hint="Three-letter ISO code, e.g. EUR." onChange={(e) => set('currency', e.target.value.toUpperCase())} error={errors.currency} />
      <datalist id="currency-list">{COMMON_CURRENCIES.map((c) => <option key={c} value={c} />)}</datalist>
      <TextField label="Language and number format" name="locale" list="locale-list" value={values.locale} disabled={disabled} autoComplete="off"
        hint="How dates and amounts are written, e.g. de-DE shows 1.234,50 €." onChange={(e) => set('locale', e.target.value)} error={errors.locale} />
      <datalist id="locale-list">{COMMON_LOCALES.map((c) => <option key={c} value={c} />)}</datalist>
    </>
  );
}

/** /households: every household you belong to, switching, and creating a new one. */
export function HouseholdsPage() {
  const { me } = useSession();
  const current = me ? pickHousehold(me) : null;
  const defaults = browserDefaults();
  const form = useDraftState('create-household', { name: '', timeZone: defaults.timeZone, currency: 'EUR', locale: defaults.locale });
  const s = useSubmit(['name', 'timeZone', 'currency', 'locale']);
  const create = s.onSubmit(async () => {
    const h = await unwrap(api().typed.POST('/api/households', { body: form.values }));
    form.setValues({ ...form.values, name: '' });
    await loadMe(true);
    setCurrentHousehold(h.id);
    window.location.assign('/household');
  });
  return (
    <>
      <h1>Households</h1>
      <Card title="Yours" busy={!me}>
        {me ? (
          <ul className="list" aria-label="Your households">
            {me.households.map((h) => (
              <li key={h.id} data-household={h.name}>
                <div className="grow">
                  <div className="title">{h.name}</div>
                  <div className="sub">{ROLE_LABEL[h.role]}{h.isPersonal ? ' · personal' : ''}</div>
                </div>
                {h.id === current
                  ? <span className="pill" aria-label={`${h.name} is the current household`}>Current</span>
                  : <Button variant="secondary" onClick={() => { setCurrentHousehold(h.id); window.location.assign('/'); }} aria-label={`Switch to ${h.name}`}>Switch</Button>}
              </li>
            ))}
          </ul>
        ) : (
          <ul className="list">{[0, 1].map((i) => <li key={i}><div className="grow"><div className="title"><Skeleton width="50%" /></div><div className="sub"><Skeleton width="30%" /></div></div></li>)}</ul>
        )}
      </Card>
      <Card title="Create a household">
        <form ref={s.formRef} onSubmit={create} noValidate>
          {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
          <SettingsFields values={form.values} set={(k, v) => form.set(k, v)} errors={s.fieldErrors} />
          <Button type="submit" busy={s.busy}>Create household</Button>
        </form>
      </Card>
    </>
  );
}

/** /household: the current household's settings, members and invites. */
export function HouseholdPage() {
  const session = useSession();
  const household = session.household;
  if (!household) {
    return (
      <>
        <h1><Skeleton width="50%" /></h1>
        <Card title="Members" busy><Skeleton height="56px" /><Skeleton height="56px" /></Card>
        <Card title="Settings" busy><Skeleton height="48px" /><Skeleton height="48px" /></Card>
      </>
    );
  }
  return (
    <FormatProvider value={household}>
      <h1>{household.name}</h1>
      <MembersCard key={`m-${household.id}`} household={household} myId={session.me?.id ?? ''} />
      {canManage(household.myRole) ? <InvitesCard key={`i-${household.id}`} household={household} /> : null}
      <SettingsCard key={`s-${household.id}`} household={household} />
      <p className="center"><a href="/households">All households, or create one</a></p>
    </FormatProvider>
  );
}

function SettingsCard({ household }: { household: Household }) {
  const editable = canManage(household.myRole);
  const form = useDraftState(`settings-${household.id}`, { name: household.name, timeZone: household.timeZone, currency: household.currency, locale: household.locale });
  const s = useSubmit(['name', 'timeZone', 'currency', 'locale']);
  const [saved, setSaved] = useState(false);
  if (!editable) {
    return (
      <Card title="Settings">
        <dl className="facts">
          <dt>Time zone</dt><dd>{household.timeZone}</dd>
          <dt>Currency</dt><dd>{household.currency}</dd>
          <dt>Format</dt><dd>{household.locale}</dd>
        </dl>
        <p className="muted">Only admins and owners change these.</p>
      </Card>
    );
  }
  return (
    <Card title="Settings">
      <form ref={s.formRef} onSubmit={s.onSubmit(async () => {
        await unwrap(api().typed.PUT('/api/households/{householdId}', { params: { path: { householdId: household.id } }, body: form.values }));
        householdChanged(household.id);
        setSaved(true);
      })} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        {saved ? <Notice kind="success">Settings saved.</Notice> : null}
        <SettingsFields values={form.values} set={(k, v) => { setSaved(false); form.set(k, v); }} errors={s.fieldErrors} />
        <div><Button type="submit" busy={s.busy}>Save settings</Button></div>
      </form>
    </Card>
  );
}

function MembersCard({ household, myId }: { household: Household; myId: string }) {
  const members = useAsync(() => unwrap(api().typed.GET('/api/households/{householdId}/members', { params: { path: { householdId: household.id } } })), [household.id]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const myRole = household.myRole;
  const path = (userId: string) => ({ params: { path: { householdId: household.id, userId } } });

  const act = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
      members.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work.');
    } finally {
      setBusy(null);
    }
  };
  const soleOwner = myRole === 'owner' && (members.data?.filter((m) => m.role === 'owner').length ?? 1) <= 1;
  const manageable = (m: Member) => m.userId !== myId && canManage(myRole) && (myRole === 'owner' || m.role !== 'owner');
  const roleOptions = (Object.keys(ROLE_LABEL) as HouseholdRole[])
    .filter((r) => myRole === 'owner' || rank[r] <= rank.admin)
    .map((r) => ({ value: r, label: ROLE_LABEL[r] }));

  return (
    <Card title="Members" busy={members.status === 'loading'} data-state={members.status}>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {members.data ? (
        <ul className="list" aria-label="Members">
          {members.data.map((m) => (
            <li key={m.userId} data-member={m.email}>
              <div className="grow">
                <div className="title">{m.displayName}{m.userId === myId ? ' (you)' : ''}</div>
                <div className="sub">{m.email}</div>
                {manageable(m) ? (
                  <SelectField label={`Role of ${m.displayName}`} name={`role-${m.userId}`} value={m.role} disabled={busy !== null}
                    options={roleOptions}
                    onChange={(e) => void act(`role-${m.userId}`, () => unwrap(api().typed.PUT('/api/households/{householdId}/members/{userId}', { ...path(m.userId), body: { role: e.target.value as HouseholdRole } })))} />
                ) : <div className="sub">{ROLE_LABEL[m.role]}</div>}
              </div>
              {manageable(m) ? (
                <Button variant="danger" busy={busy === `remove-${m.userId}`} aria-label={`Remove ${m.displayName}`}
                  onClick={() => { if (confirm(`Remove ${m.displayName} from ${household.name}?`)) void act(`remove-${m.userId}`, () => unwrap(api().typed.DELETE('/api/households/{householdId}/members/{userId}', path(m.userId)))); }}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : members.status === 'error' ? (
        <Notice kind="error">{members.error instanceof ApiError ? members.error.message : 'Could not load the members.'}</Notice>
      ) : (
        <ul className="list">{[0, 1].map((i) => <li key={i}><div className="grow"><div className="title"><Skeleton width="45%" /></div><div className="sub"><Skeleton width="60%" /></div></div></li>)}</ul>
      )}
      {!household.isPersonal && soleOwner ? (
        <p className="muted">You are the only owner. To leave, first make someone else an owner.</p>
      ) : !household.isPersonal ? (
        <div>
          <Button variant="danger" busy={busy === 'leave'} onClick={() => {
            if (!confirm(`Leave ${household.name}? You lose access to its data.`)) return;
            void act('leave', async () => {
              await unwrap(api().typed.POST('/api/households/{householdId}/leave', { params: { path: { householdId: household.id } } }));
              const me = await loadMe(true);
              const next = me.households.find((h) => h.isPersonal) ?? me.households[0];
              if (next) setCurrentHousehold(next.id);
              window.location.assign('/households');
            });
          }}>Leave this household</Button>
        </div>
      ) : null}
    </Card>
  );
}

function InvitesCard({ household }: { household: Household }) {
  const f = useFormat();
  const invites = useAsync(() => unwrap(api().typed.GET('/api/households/{householdId}/invites', { params: { path: { householdId: household.id } } })), [household.id]);
  const form = useDraftState(`invite-${household.id}`, { email: '', role: 'member' as HouseholdRole });
  const s = useSubmit(['email', 'role']);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [created]);

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
    <Card title="Invite someone">
      <form ref={s.formRef} onSubmit={submit} noValidate>
        {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
        <TextField label="Their e-mail" name="email" type="email" inputMode="email" autoComplete="off" value={form.values.email}
          onChange={(e) => form.set('email', e.target.value)} error={s.fieldErrors.email} />
        <SelectField label="Role" name="role" value={form.values.role} error={s.fieldErrors.role}
          options={(Object.keys(ROLE_LABEL) as HouseholdRole[]).filter((r) => household.myRole === 'owner' || r !== 'owner').map((r) => ({ value: r, label: `${ROLE_LABEL[r]} – ${ROLE_HELP[r]}` }))}
          onChange={(e) => form.set('role', e.target.value as HouseholdRole)} />
        <div><Button type="submit" busy={s.busy}>Create invite</Button></div>
      </form>
      {created ? (
        <div className="invite-result" data-email-sent={String(created.emailSent)}>
          <Notice kind={created.emailSent ? 'success' : 'info'}>
            {created.emailSent
              ? <p>We e-mailed the invitation to <strong>{created.email}</strong>. You can also share the link yourself:</p>
              : <p>No e-mail was sent (this server sends no e-mail). Share this link with <strong>{created.email}</strong> yourself:</p>}
          </Notice>
          <div className="copy-row">
            <label htmlFor="invite-link" className="visually-hidden">Invitation link</label>
            <input id="invite-link" readOnly value={created.acceptUrl} onFocus={(e) => e.currentTarget.select()} />
            <Button variant="secondary" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>
          </div>
          <p className="muted">The link works once, until {f.date(created.expiresAt)}.</p>
        </div>
      ) : null}
      {invites.data && invites.data.length ? (
        <>
          <h3 className="subhead">Waiting for an answer</h3>
          <ul className="list" aria-label="Pending invitations">
            {invites.data.map((i) => (
              <li key={i.id}>
                <div className="grow"><div className="title">{i.email}</div><div className="sub">{ROLE_LABEL[i.role]} · until {f.date(i.expiresAt)}</div></div>
                <Button variant="ghost" onClick={() => void revoke(i)} aria-label={`Cancel the invitation for ${i.email}`}>Cancel</Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

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
          <Notice kind="error"><p>{preview.error instanceof ApiError && preview.error.status === 404 ? 'This invitation is not valid any more. It may have been used, cancelled or have expired. Ask for a new one.' : preview.error instanceof ApiError ? preview.error.message : 'Could not load the invitation.'}</p></Notice>
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
