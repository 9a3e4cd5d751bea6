// The fetch wrapper every request goes through: same-origin cookies, the anti-CSRF header on writes, one
// single-flight refresh on 401 followed by one retry, and a trip to the sign-in page (keeping typed drafts)
// when the session cannot be renewed.
import { flushDrafts } from './drafts';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
/** Request header (stripped before sending) that asks the wrapper not to redirect to sign-in on 401. */
export const NO_REDIRECT_HEADER = 'X-TrackStack-No-Redirect';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Endpoints whose 401 means "wrong credentials" or "no session", never "access token expired". */
const NO_REFRESH_PATHS = ['/api/auth/login', '/api/auth/register', '/api/auth/token', '/api/auth/refresh', '/api/auth/logout'];

export interface HttpOptions {
  /** Origin the API lives on; '' (default) means the page's own origin. */
  baseUrl?: string;
  fetch?: (input: Request) => Promise<Response>;
  readCookie?: (name: string) => string | undefined;
  /** Called once when the session is gone; the default saves drafts and navigates to /sign-in. */
  onSignInRequired?: (returnUrl: string) => void;
  currentUrl?: () => string;
}

export interface Http {
  fetch: (input: Request) => Promise<Response>;
  /** Renews the access token; concurrent callers share one request. Resolves to whether it worked. */
  refresh: () => Promise<boolean>;
  request: (path: string, init?: RequestInit & { json?: unknown; noSignInRedirect?: boolean }) => Promise<Response>;
}

export function readDocumentCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A local path to come back to after signing in; anything else (other origins, //host) becomes '/'. */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up') || value.startsWith('/sign-out')) return '/';
  return value;
}

export function signInUrl(returnUrl: string): string {
  const target = safeReturnUrl(returnUrl);
  return target === '/' ? '/sign-in' : `/sign-in?returnUrl=${encodeURIComponent(target)}`;
}

function defaultSignInRequired(returnUrl: string) {
  flushDrafts();
  window.location.assign(signInUrl(returnUrl));
}

function defaultCurrentUrl() {
  return typeof location === 'undefined' ? '/' : location.pathname + location.search;
}

export function createHttp(options: HttpOptions = {}): Http {
  const baseFetch = options.fetch ?? ((r: Request) => globalThis.fetch(r));
  const readCookie = options.readCookie ?? readDocumentCookie;
  const onSignInRequired = options.onSignInRequired ?? defaultSignInRequired;
  const currentUrl = options.currentUrl ?? defaultCurrentUrl;
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  let refreshing: Promise<boolean> | null = null;
  let signInRequested = false;

  const prepare = (request: Request): Request => {
    const headers = new Headers(request.headers);
    headers.delete(NO_REDIRECT_HEADER);
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const token = readCookie(XSRF_COOKIE);
      if (token) headers.set(XSRF_HEADER, token);
    }
    return new Request(request, { headers, credentials: 'same-origin' });
  };

  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      try {
        const r = await baseFetch(prepare(new Request(`${baseUrl || originOf(currentUrl)}/api/auth/refresh`, { method: 'POST' })));
        return r.ok;
      } catch {
        return false;
      }
    })().finally(() => { refreshing = null; });
    return refreshing;
  };

  const authFetch = async (request: Request): Promise<Response> => {
    const noRedirect = request.headers.has(NO_REDIRECT_HEADER);
    const path = new URL(request.url, 'http://x').pathname;
    const canRefresh = !NO_REFRESH_PATHS.includes(path);
    const retry = canRefresh ? request.clone() : null;
    let response = await baseFetch(prepare(request));
    if (response.status !== 401 || !retry) return response;

    if (await refresh()) {
      response = await baseFetch(prepare(retry));
      if (response.status !== 401) return response;
    }
    if (!noRedirect && !signInRequested) {
      signInRequested = true;
      onSignInRequired(currentUrl());
    }
    return response;
  };

  const request: Http['request'] = (path, init = {}) => {
    const { json, noSignInRedirect, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    if (noSignInRedirect) headers.set(NO_REDIRECT_HEADER, '1');
    const url = /^https?:/.test(path) ? path : `${baseUrl || originOf(currentUrl)}${path}`;
    return authFetch(new Request(url, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body }));
  };

  return { fetch: authFetch, refresh, request };
}

function originOf(currentUrl: () => string): string {
  if (typeof location !== 'undefined' && location.origin && location.origin !== 'null') return location.origin;
  const u = currentUrl();
  return /^https?:/.test(u) ? new URL(u).origin : '';
}
