import { useMemo } from 'react';
import { api, type ModuleContext } from '@trackstack/api';
import { offlineQueue } from '../lib/offline';
import { useSession } from './session';

/** What module home cards and screens get: the API client, the offline queue and the current household (null until known). */
export function useModuleContext(): ModuleContext | null {
  const { household, me } = useSession();
  const userId = me?.id;
  return useMemo(() => household && {
    client: api(),
    userId,
    queue: typeof window === 'undefined' ? undefined : offlineQueue(),
    household: { id: household.id, name: household.name, currency: household.currency, locale: household.locale, timeZone: household.timeZone, role: household.myRole },
  }, [household, userId]);
}
