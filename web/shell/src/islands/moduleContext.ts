import { useMemo } from 'react';
import { api, type ModuleContext } from '@trackstack/api';
import { offlineQueue } from '../lib/offline';
import { useSession } from './session';

/** What module home cards and screens get: the API client, the offline queue and the current household (null until known). */
export function useModuleContext(): ModuleContext | null {
  const { household } = useSession();
  return useMemo(() => household && {
    client: api(),
    queue: typeof window === 'undefined' ? undefined : offlineQueue(),
    household: { id: household.id, name: household.name, currency: household.currency, locale: household.locale, timeZone: household.timeZone, role: household.myRole },
  }, [household]);
}
