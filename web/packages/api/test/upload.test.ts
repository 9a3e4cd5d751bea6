import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, upload } from '../src';

function client(respond: (r: Request) => Response) {
  const seen: Request[] = [];
  const c = createApiClient({ baseUrl: 'http://app.test', readCookie: () => 'xsrf-1', onSignInRequired: () => {}, fetch: async (r) => { seen.push(r); return respond(r); } });
  return { c, seen };
}

describe('multipart upload', () => {
  it('posts the form to the filled-in path through the wrapper (anti-CSRF header) and returns the answer', async () => {
    const { c, seen } = client(() => new Response(JSON.stringify({ valid: 2 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    const form = new FormData();
    form.append('dryRun', 'true');
    const r = await upload(c, '/api/households/{householdId}/heating/temperatures/import', { householdId: 'a/b' }, form);
    expect(r.valid).toBe(2);
    expect(new URL(seen[0].url).pathname).toBe('/api/households/a%2Fb/heating/temperatures/import');
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('xsrf-1');
    expect((await seen[0].formData()).get('dryRun')).toBe('true');
  });

  it('throws the refusal with its field errors, and offline as status 0', async () => {
    const refused = client(() => new Response(JSON.stringify({ title: 'Invalid', errors: { File: ['Choose a file.'] } }), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    const error = await upload(refused.c, '/api/households/{householdId}/expenses/imports', { householdId: 'h' }, new FormData()).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fieldErrors).toEqual({ file: 'Choose a file.' });
    const offline = client(() => { throw new TypeError('Failed to fetch'); });
    expect((await upload(offline.c, '/api/households/{householdId}/expenses/imports', { householdId: 'h' }, new FormData()).catch((e) => e)).status).toBe(0);
  });
});
