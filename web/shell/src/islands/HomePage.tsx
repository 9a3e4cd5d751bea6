import { useMemo } from 'react';
import { api, type Household, type ModuleContext } from '@trackstack/api';
import { ExpensesHomeCard } from '@trackstack/expenses';
import { HeatingHomeCard } from '@trackstack/heating';
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
