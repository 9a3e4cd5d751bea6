// Multipart uploads go through the HTTP wrapper, not openapi-fetch: the OpenAPI document gives the bank import no
// request body and the temperature import one binary string, so the typed client cannot express the form of a file
// plus options that the server reads. The answer is still typed from the document, by the path.
import type { paths } from './schema';
import type { ApiClient } from './client';
import { ApiError, readProblem } from './problem';

type Json200<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
/** Paths whose POST answers 200 with JSON. */
export type UploadPath = { [P in keyof paths]: Json200<paths[P]['post']> extends never ? never : P }[keyof paths];
export type UploadResult<P extends UploadPath> = Json200<paths[P]['post']>;

/** POSTs multipart/form-data to a path of the document ("/api/households/{householdId}/…", params fill it in). */
export async function upload<P extends UploadPath>(client: ApiClient, path: P, params: Record<string, string>, form: FormData): Promise<UploadResult<P>> {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  let r: Response;
  try {
    r = await client.http.request(url, { method: 'POST', body: form });
  } catch {
    throw new ApiError(0, null);
  }
  if (!r.ok) throw new ApiError(r.status, await readProblem(r));
  return (await r.json()) as UploadResult<P>;
}
