// What the shell hands a module micro-frontend when it mounts it, and the household part of its API paths.
import type { ApiClient } from './client';
import type { OfflineQueue } from './offline-queue';

export interface ModuleContext {
  client: ApiClient;
  household: {
    id: string;
    name: string;
    currency: string;
    locale: string;
    timeZone: string;
    role: 'viewer' | 'member' | 'admin' | 'owner';
  };
  /** The signed-in user (absent in stand-alone use and tests): what a module keeps on the device for one member only,
   * such as a workout in progress, is stored under this id, so another member on the same device never sees it. */
  userId?: string;
  /** The shell's offline queue; creates with a client id go through it (without one they are sent directly). */
  queue?: OfflineQueue;
  /** Today, injectable for tests and screenshots. */
  now?: () => Date;
}

/** "/api/households/<id><rest>": the queue's URLs and download links (typed calls take the id as a path param). */
export function householdPath(householdId: string, rest: string) {
  return `/api/households/${encodeURIComponent(householdId)}${rest}`;
}
