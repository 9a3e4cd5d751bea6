import { useMemo, type ReactNode } from 'react';
import { Card, Skeleton } from '@trackstack/ui';
import { api, type Household, type ModuleContext } from '@trackstack/api';
import { ExpensesHomeCard, ExpensesScreen } from '@trackstack/expenses';
import { HeatingHomeCard, HeatingScreen } from '@trackstack/heating';
import { useSession } from './session';
import { offlineQueue } from '../lib/offline';

export function moduleContext(household: Household | null): ModuleContext | null {
  if (!household) return null;
  return {
    client: api(),
    queue: typeof window === 'undefined' ? undefined : offlineQueue(),
    household: { id: household.id, name: household.name, currency: household.currency, locale: household.locale, timeZone: household.timeZone, role: household.myRole },
  };
}

/** "At a glance": one card per module, each loading on its own. */
export function HomePage() {
  const { household } = useSession();
  const context = useMemo(() => moduleContext(household), [household]);
  return (
    <>
      <h1 className="visually-hidden">At a glance{household ? ` – ${household.name}` : ''}</h1>
      <ExpensesHomeCard context={context} />
      <HeatingHomeCard context={context} />
    </>
  );
}

export function ExpensesPage() {
  const { household } = useSession();
  const context = useMemo(() => moduleContext(household), [household]);
  return <ModuleSlot context={context} render={(c) => <ExpensesScreen context={c} />} />;
}

export function HeatingPage() {
  const { household } = useSession();
  const context = useMemo(() => moduleContext(household), [household]);
  return <ModuleSlot context={context} render={(c) => <HeatingScreen context={c} />} />;
}


function ScreenSkeleton() {
  return (
    <>
      <h1><Skeleton width="40%" /></h1>
      <Card title={<Skeleton width="8rem" />} busy><Skeleton height="3rem" width="60%" /><Skeleton /><Skeleton /></Card>
    </>
  );
}

function ModuleSlot({ context, render }: { context: ModuleContext | null; render: (c: ModuleContext) => ReactNode }) {
  if (!context) return <ScreenSkeleton />;
  return <>{render(context)}</>;
}
