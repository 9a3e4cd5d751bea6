// The typed client: openapi-fetch over the generated schema, sending through the HTTP wrapper.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { createHttp, type Http, type HttpOptions } from './http';
import { ApiError, readProblem, type ProblemDetails } from './problem';

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
  /** GET a JSON document by path (for endpoints the generated schema does not know yet). */
  getJson<T>(path: string, options?: { noSignInRedirect?: boolean; signal?: AbortSignal }): Promise<T>;
  /** Sends JSON with any method; resolves to the parsed body (undefined for 204). */
  sendJson<T>(method: string, path: string, body?: unknown, options?: { noSignInRedirect?: boolean }): Promise<T>;
}

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

export function createApiClient(options: HttpOptions = {}): ApiClient {
  const http = createHttp(options);
  const baseUrl = options.baseUrl ?? (typeof location !== 'undefined' ? location.origin : '');
  const typed = createClient<paths>({ baseUrl, fetch: http.fetch });

  const parse = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const guarded = async (p: () => Promise<Response>) => {
    try {
      return await p();
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(0, null);
    }
  };

  return {
    http,
    typed,
    async getJson<T>(path: string, o: { noSignInRedirect?: boolean; signal?: AbortSignal } = {}) {
      const r = await guarded(() => http.request(path, { method: 'GET', noSignInRedirect: o.noSignInRedirect, signal: o.signal }));
      return parse<T>(r);
    },
    async sendJson<T>(method: string, path: string, body?: unknown, o: { noSignInRedirect?: boolean } = {}) {
      const r = await guarded(() => http.request(path, { method, json: body, noSignInRedirect: o.noSignInRedirect }));
      return parse<T>(r);
    },
  };
}

let shared: ApiClient | null = null;
/** The browser's client (same origin, cookies, redirect to /sign-in when the session is gone). */
export function api(): ApiClient {
  shared ??= createApiClient();
  return shared;
}
