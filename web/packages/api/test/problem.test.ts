import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, mapProblem, normaliseFieldName, problemMessage, splitFieldErrors } from '../src/problem';
import { createApiClient, unwrap } from '../src/client';

describe('problem details', () => {
  it('maps field errors to the names the request body uses', () => {
    const { fields } = mapProblem({ errors: { Email: ['Enter an e-mail address.', 'second'], '$.password': 'Too short.', 'Tanks[0].Ratio': ['Over 100 %.'] } }, 400);
    expect(fields).toEqual({ email: 'Enter an e-mail address.', password: 'Too short.', 'tanks[0].ratio': 'Over 100 %.' });
    expect(normaliseFieldName('request.DisplayName')).toBe('displayName');
  });

  it('says what went wrong and what to do', () => {
    expect(problemMessage({ title: 'Wrong e-mail or password', detail: 'Check both and try again.' }, 401)).toBe('Wrong e-mail or password. Check both and try again.');
    expect(problemMessage({ title: 'Done.', detail: 'Really.' }, 400)).toBe('Done. Really.');
    expect(problemMessage(null, 0)).toMatch(/offline/);
    expect(problemMessage(null, 503)).toMatch(/server/);
  });

  it('say the server\'s words for a failed call, and the fallback for anything else', () => {
    expect(errorMessage(new ApiError(409, { title: 'Month closed', detail: 'Reopen it first.' }), 'Could not save.')).toBe('Month closed. Reopen it first.');
    expect(errorMessage(new ApiError(0, null), 'Could not save.')).toMatch(/offline/);
    expect(errorMessage(new TypeError('x'), 'Could not save.')).toBe('Could not save.');
  });

  it('splits errors between fields the form shows and a message for the rest', () => {
    const e = new ApiError(400, { title: 'The request has invalid fields.', errors: { email: ['Taken.'], other: ['Odd.'] } });
    expect(splitFieldErrors(e, ['email', 'password'])).toEqual({ fields: { email: 'Taken.' }, formMessage: 'Odd.' });
    expect(splitFieldErrors(new ApiError(403, { title: 'Forbidden', detail: 'Admins only.' }), ['email'])).toEqual({ fields: {}, formMessage: 'Forbidden. Admins only.' });
  });

  it('reach the caller of the typed client as an ApiError with field errors', async () => {
    const client = createApiClient({
      baseUrl: 'http://app.test',
      readCookie: () => undefined,
      fetch: async () => new Response(JSON.stringify({ title: 'The request has invalid fields.', status: 400, errors: { password: ['At least 10 characters.'] } }),
        { status: 400, headers: { 'content-type': 'application/problem+json' } }),
    });
    const error = await unwrap(client.typed.POST('/api/auth/register', { body: { email: 'a@b.c', password: 'x', displayName: 'A' } })).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ password: 'At least 10 characters.' });
  });

  it('turn a network failure into an offline error (status 0)', async () => {
    const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, fetch: async () => { throw new TypeError('Failed to fetch'); } });
    const error = (await unwrap(client.typed.GET('/api/me')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.offline).toBe(true);
  });
});
