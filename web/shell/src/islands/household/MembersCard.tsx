import { api, errorMessage, unwrap, type Household, type HouseholdRole, type Member } from '@trackstack/api';
import { Button, Card, Notice, SelectField, Skeleton, useAsync, useSubmit } from '@trackstack/ui';
import { loadMe, setCurrentHousehold } from '../../lib/session';
import { ROLE_LABEL, canManage, rank } from './roles';
import { t } from '../../strings';

/** Who belongs to the household: change roles and remove members (admins), or leave it. */
export function MembersCard({ household, myId }: { household: Household; myId: string }) {
  const members = useAsync(() => unwrap(api().typed.GET('/api/households/{householdId}/members', { params: { path: { householdId: household.id } } })), [household.id]);
  const s = useSubmit([], { fallback: t.membersCard.thatDidNot });
  const myRole = household.myRole;
  const path = (userId: string) => ({ params: { path: { householdId: household.id, userId } } });
  const act = (key: string, action: () => Promise<unknown>) => s.run(async () => { await action(); members.reload(); }, key);
  const soleOwner = myRole === 'owner' && (members.data?.filter((m) => m.role === 'owner').length ?? 1) <= 1;
  const manageable = (m: Member) => m.userId !== myId && canManage(myRole) && (myRole === 'owner' || m.role !== 'owner');
  const roleOptions = (Object.keys(ROLE_LABEL) as HouseholdRole[])
    .filter((r) => myRole === 'owner' || rank[r] <= rank.admin)
    .map((r) => ({ value: r, label: ROLE_LABEL[r] }));

  return (
    <Card title={t.membersCard.members} busy={members.status === 'loading'} data-state={members.status}>
      {s.formError ? <Notice kind="error">{s.formError}</Notice> : null}
      {members.data ? (
        <ul className="list" aria-label={t.membersCard.members}>
          {members.data.map((m) => (
            <li key={m.userId} data-member={m.email}>
              <div className="grow">
                <div className="title">{m.displayName}{m.userId === myId ? t.membersCard.you : ''}</div>
                <div className="sub">{m.email}</div>
                {manageable(m) ? (
                  <SelectField label={t.membersCard.role(m.displayName)} name={`role-${m.userId}`} value={m.role} disabled={s.busy}
                    options={roleOptions}
                    onChange={(e) => void act(`role-${m.userId}`, () => unwrap(api().typed.PUT('/api/households/{householdId}/members/{userId}', { ...path(m.userId), body: { role: e.target.value as HouseholdRole } })))} />
                ) : <div className="sub">{ROLE_LABEL[m.role]}</div>}
              </div>
              {manageable(m) ? (
                <Button variant="danger" busy={s.busyWith === `remove-${m.userId}`} aria-label={t.membersCard.removeDisplayName(m.displayName)}
                  onClick={() => { if (confirm(t.membersCard.removeFrom(m.displayName, household.name))) void act(`remove-${m.userId}`, () => unwrap(api().typed.DELETE('/api/households/{householdId}/members/{userId}', path(m.userId)))); }}>
                  {t.membersCard.remove}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : members.status === 'error' ? (
        <Notice kind="error">{errorMessage(members.error, t.membersCard.couldNotLoad)}</Notice>
      ) : (
        <ul className="list">{[0, 1].map((i) => <li key={i}><div className="grow"><div className="title"><Skeleton width="45%" /></div><div className="sub"><Skeleton width="60%" /></div></div></li>)}</ul>
      )}
      {!household.isPersonal && soleOwner ? (
        <p className="muted">{t.membersCard.youAreOnly}</p>
      ) : !household.isPersonal ? (
        <div>
          <Button variant="danger" busy={s.busyWith === 'leave'} onClick={() => {
            if (!confirm(t.membersCard.leaveYouLose(household.name))) return;
            void act('leave', async () => {
              await unwrap(api().typed.POST('/api/households/{householdId}/leave', { params: { path: { householdId: household.id } } }));
              const me = await loadMe(true);
              const next = me.households.find((h) => h.isPersonal) ?? me.households[0];
              if (next) setCurrentHousehold(next.id);
              window.location.assign('/households');
            });
          }}>{t.membersCard.leaveHousehold}</Button>
        </div>
      ) : null}
    </Card>
  );
}
