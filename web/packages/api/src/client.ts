// The typed client: openapi-fetch over the generated schema, sending through the HTTP wrapper.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { createHttp, NO_REDIRECT_HEADER, type Http, type HttpOptions } from './http';
import { ApiError, type ProblemDetails } from './problem';
import { ReadCache } from './read-cache';
import { withEarlyAnswers } from './early';

export type Schemas = components['schemas'];
export type Household = Schemas['HouseholdResponse'];
export type HouseholdRole = Schemas['HouseholdRole'];
export type Me = Schemas['MeResponse'];
export type MeHousehold = Schemas['MeHouseholdResponse'];
export type Member = Schemas['MemberResponse'];
export type Invite = Schemas['InviteResponse'];
export type CreatedInvite = Schemas['CreatedInviteResponse'];
export type InvitePreview = Schemas['InvitePreviewResponse'];
export type Provider = Schemas['ProviderResponse'];

export type TypedClient = ReturnType<typeof createClient<paths>>;

export interface ApiClient {
  http: Http;
  typed: TypedClient;
  /** Keeps household GETs of the typed client for offline reading (absent: every read asks the network). */
  readCache?: ReadCache;
}

/** Options for a typed call whose 401 is an answer (e.g. a signed-out visitor), not a reason to go to sign-in. */
export const noSignInRedirect = { headers: { [NO_REDIRECT_HEADER]: '1' } } as const;

/** Resolves to `data` or throws an ApiError carrying the problem details (status 0 when offline). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, null);
  }
  if (result.response.ok) return result.data as T;
  const problem = (result.error && typeof result.error === 'object' ? result.error : null) as ProblemDetails | null;
  throw new ApiError(result.response.status, problem);
}

export function createApiClient(options: HttpOptions & { readCache?: ReadCache } = {}): ApiClient {
  const { readCache, ...httpOptions } = options;
  const http = createHttp(httpOptions);
  const baseUrl = options.baseUrl ?? (typeof location !== 'undefined' ? location.origin : '');
  // Early answers sit under the read cache, so the cache keeps them for offline reading like any other answer.
  const inner = withEarlyAnswers(http.fetch);
  const fetch = readCache ? readCache.wrap(inner) : inner;
  return { http, typed: createClient<paths>({ baseUrl, fetch }), readCache };
}

let shared: ApiClient | null = null;
/** The browser's client (same origin, cookies, redirect to /sign-in when the session is gone, reads kept for offline;
 * the shell tells the read cache who is signed in). */
export function api(): ApiClient {
  shared ??= createApiClient({ readCache: typeof window === 'undefined' ? undefined : new ReadCache() });
  return shared;
}
