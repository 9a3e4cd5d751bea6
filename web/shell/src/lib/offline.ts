// The shell's offline queue: module screens queue creates here; the top bar shows the pending count.
import { api, OfflineQueue } from '@trackstack/api';

let queue: OfflineQueue | null = null;

export function offlineQueue(): OfflineQueue {
  queue ??= new OfflineQueue({
    send: (item) => api().http.request(item.url, { method: item.method, json: item.body, noSignInRedirect: true }),
  });
  return queue;
}
