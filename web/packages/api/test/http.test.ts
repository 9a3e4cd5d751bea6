import { describe, expect, it, vi } from 'vitest';
import { createHttp, NO_REDIRECT_HEADER, safeReturnUrl, signInUrl } from '../src/http';

const BASE = 'http://app.test';

/** A fake server: a queue of responses per path, and a record of every request it saw. */
type Route = Array<number | (() => Response | Promise<Response>)>;

function fakeServer(routes: Record<string, Route>) {
  const seen: { method: string; path: string; headers: Headers; body: string; credentials: RequestCredentials }[] = [];
  const fetch = vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    seen.push({ method: req.method, path, headers: req.headers, body: await req.text(), credentials: req.credentials });
    const queue = routes[path] ?? [];
    const next = queue.length > 1 ? queue.shift()! : queue[0] ?? 404;
    return typeof next === 'number' ? new Response(next === 204 ? null : JSON.stringify({ status: next }), { status: next, headers: { 'content-type': 'application/json' } }) : await next();
  });
  return { fetch, seen };
}

function setup(routes: Record<string, Route>, cookies: Record<string, string> = { 'XSRF-TOKEN': 'xsrf-1' }) {
  const server = fakeServer(routes);
  const onSignInRequired = vi.fn();
  const http = createHttp({ baseUrl: BASE, fetch: server.fetch, readCookie: (n) => cookies[n], onSignInRequired, currentUrl: () => '/household?tab=members' });
  return { ...server, http, onSignInRequired, cookies };
}

describe('the HTTP wrapper', () => {
  it('sends the anti-CSRF header on writes only, and same-origin credentials always', async () => {
    const { http, seen } = setup({ '/api/me': [200] });
    await http.request('/api/me');
    await http.request('/api/me', { method: 'PUT', json: { displayName: 'A' } });
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBeNull();
    expect(seen[1].headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
    expect(seen[1].headers.get('content-type')).toBe('application/json');
    expect(seen.every((s) => s.credentials === 'same-origin')).toBe(true);
  });

  it('on 401 refreshes once and retries the request once, with its body', async () => {
    const { http, seen, onSignInRequired } = setup({ '/api/households': [401, 201], '/api/auth/refresh': [200] });
    const r = await http.request('/api/households', { method: 'POST', json: { name: 'Home' } });
    expect(r.status).toBe(201);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /api/households', 'POST /api/auth/refresh', 'POST /api/households']);
    expect(seen[2].body).toBe('{"name":"Home"}');
    expect(seen[1].headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
    expect(onSignInRequired).not.toHaveBeenCalled();
  });

  it('reads the anti-CSRF cookie again for the retry', async () => {
    const t = setup({ '/api/x': [401, 200], '/api/auth/refresh': [() => { t.cookies['XSRF-TOKEN'] = 'xsrf-2'; return new Response(null, { status: 200 }); }] });
    await t.http.request('/api/x', { method: 'DELETE' });
    expect(t.seen[2].headers.get('X-XSRF-TOKEN')).toBe('xsrf-2');
  });

  it('shares one refresh between requests that fail together (single flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const { http, seen } = setup({
      '/api/a': [401, 200], '/api/b': [401, 200], '/api/c': [401, 200],
      '/api/auth/refresh': [async () => { await gate; return new Response(null, { status: 200 }); }],
    });
    const all = Promise.all(['/api/a', '/api/b', '/api/c'].map((p) => http.request(p)));
    await vi.waitFor(() => expect(seen.filter((s) => s.path.startsWith('/api/') && !s.path.includes('auth'))).toHaveLength(3));
    release();
    const results = await all;
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(seen.filter((s) => s.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('goes to sign-in once, with where to come back, when the refresh fails', async () => {
    const { http, onSignInRequired, seen } = setup({ '/api/me': [401], '/api/households': [401], '/api/auth/refresh': [401] });
    const [a, b] = await Promise.all([http.request('/api/me'), http.request('/api/households')]);
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(onSignInRequired).toHaveBeenCalledTimes(1);
    expect(onSignInRequired).toHaveBeenCalledWith('/household?tab=members');
    expect(seen.filter((s) => s.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('goes to sign-in when the retried request is still refused', async () => {
    const { http, onSignInRequired, seen } = setup({ '/api/me': [401, 401], '/api/auth/refresh': [200] });
    expect((await http.request('/api/me')).status).toBe(401);
    expect(seen.filter((s) => s.path === '/api/me')).toHaveLength(2);
    expect(onSignInRequired).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for wrong credentials at sign-in', async () => {
    const { http, onSignInRequired, seen } = setup({ '/api/auth/login': [401] });
    expect((await http.request('/api/auth/login', { method: 'POST', json: {} })).status).toBe(401);
    expect(seen.map((s) => s.path)).toEqual(['/api/auth/login']);
    expect(onSignInRequired).not.toHaveBeenCalled();
  });

  it('can be asked not to redirect, and never sends that request flag to the server', async () => {
    const { http, onSignInRequired, seen } = setup({ '/api/invites/t': [401], '/api/auth/refresh': [401] });
    expect((await http.request('/api/invites/t', { noSignInRedirect: true })).status).toBe(401);
    expect(onSignInRequired).not.toHaveBeenCalled();
    expect(seen[0].headers.has(NO_REDIRECT_HEADER)).toBe(false);
  });

  it('treats a network failure during refresh as a failed refresh', async () => {
    const { http, fetch, onSignInRequired } = setup({ '/api/me': [401] });
    fetch.mockImplementation(async (req: Request) => {
      if (req.url.endsWith('/api/auth/refresh')) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 401 });
    });
    expect(await http.refresh()).toBe(false);
    await http.request('/api/me');
    expect(onSignInRequired).toHaveBeenCalledTimes(1);
  });
});

describe('return URLs', () => {
  it('keep local paths and drop anything that could leave the site', () => {
    expect(safeReturnUrl('/household?x=1')).toBe('/household?x=1');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('/sign-in?returnUrl=/x')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });

  it('build the sign-in address', () => {
    expect(signInUrl('/')).toBe('/sign-in');
    expect(signInUrl('/invite?token=a b')).toBe('/sign-in?returnUrl=%2Finvite%3Ftoken%3Da%20b');
  });
});
