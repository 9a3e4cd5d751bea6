// Creates that work offline: a body with a client UUID goes through the shell's offline queue (sent now when the
// browser is online, kept in IndexedDB and replayed otherwise; the server treats the same id again as a no-op).
import { ApiError, readProblem } from './problem';
import { postOrQueue } from './offline-queue';
import type { ModuleContext } from './module-context';

/** Resolves to `{ queued }`; throws ApiError (with field errors) when the server refused the create. */
export async function createOrQueue(ctx: Pick<ModuleContext, 'client' | 'queue'>, url: string, body: Record<string, unknown> & { id: string }, label: string): Promise<{ queued: boolean }> {
  const http = ctx.client.http;
  const send = (item: { url: string; body: unknown }) => http.request(item.url, { method: 'POST', json: item.body });
  if (!ctx.queue) {
    let r: Response;
    try { r = await send({ url, body }); } catch { throw new ApiError(0, null); }
    if (!r.ok) throw new ApiError(r.status, await readProblem(r));
    return { queued: false };
  }
  const result = await postOrQueue(ctx.queue, send, url, body, { label });
  if (result.queued) return { queued: true };
  if (!result.response.ok) throw new ApiError(result.response.status, await readProblem(result.response));
  return { queued: false };
}
