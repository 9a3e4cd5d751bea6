// The shell's offline queue: module screens queue creates here; the top bar shows the pending count and the items
// the server refused. Items belong to the user who queued them; nothing is sent before the server confirmed who is
// signed in on this page (a stale cached session must not send one user's items with another user's cookies).
import { api, OfflineQueue } from '@trackstack/api';
import { cachedMe, confirmedUser, loadMe } from './session';

let queue: OfflineQueue | null = null;

export function offlineQueue(): OfflineQueue {
  queue ??= new OfflineQueue({
    send: (item) => api().http.request(item.url, { method: item.method, json: item.body, noSignInRedirect: true }),
    owner: () => confirmedUser() ?? cachedMe()?.id ?? null,
  });
  return queue;
}

/** Replays now and on every reconnect, once /api/me has answered for this page. */
export function startOfflineSync(): () => void {
  const q = offlineQueue();
  const ready = async () => {
    try {
      const before = confirmedUser();
      await loadMe();
      if (before !== confirmedUser()) await q.refresh();
      return true;
    } catch {
      return false;
    }
  };
  return q.startAutoReplay(window, () => navigator.onLine, ready);
}
