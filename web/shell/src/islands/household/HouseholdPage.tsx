import { Card, FormatProvider, Skeleton } from '@trackstack/ui';
import { useSession } from '../session';
import { canManage } from './roles';
import { MembersCard } from './MembersCard';
import { InvitesCard } from './InvitesCard';
import { SettingsCard } from './SettingsCard';
import { t } from '../../strings';

/** /household: the current household's settings, members and invites. */
export function HouseholdPage() {
  const session = useSession();
  const household = session.household;
  if (!household) {
    return (
      <>
        <h1><Skeleton width="50%" /></h1>
        <Card title={t.householdPage.members} busy><Skeleton height="56px" /><Skeleton height="56px" /></Card>
        <Card title={t.householdPage.settings} busy><Skeleton height="48px" /><Skeleton height="48px" /></Card>
      </>
    );
  }
  return (
    <FormatProvider value={household}>
      <h1>{household.name}</h1>
      <MembersCard key={`m-${household.id}`} household={household} myId={session.me?.id ?? ''} />
      {canManage(household.myRole) ? <InvitesCard key={`i-${household.id}`} household={household} /> : null}
      <SettingsCard key={`s-${household.id}`} household={household} />
      <p className="center"><a href="/households">{t.householdPage.allHouseholdsCreate}</a></p>
    </FormatProvider>
  );
}
