import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ApiError, createApiClient, createOrQueue, indexedDbStore, OfflineQueue } from '../src';

const id = '00000000-0000-4000-8000-000000000001';
const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

function setup(respond: () => Response) {
  const client = createApiClient({ baseUrl: 'http://app.test', readCookie: () => undefined, onSignInRequired: () => {}, fetch: async () => respond() });
  const queue = new OfflineQueue({ store: indexedDbStore(new IDBFactory()), send: async () => new Response(null, { status: 201 }), channel: null, locks: null });
  return { client, queue };
}

describe('createOrQueue', () => {
  it('sends now when the server answers', async () => {
    const { client, queue } = setup(() => new Response(null, { status: 201 }));
    expect(await createOrQueue({ client, queue }, '/api/x', { id }, 'x')).toEqual({ queued: false });
    expect(await queue.list()).toHaveLength(0);
  });
  it('keeps the create when the network fails', async () => {
    const { client, queue } = setup(() => { throw new TypeError('Failed to fetch'); });
    expect(await createOrQueue({ client, queue }, '/api/x', { id, a: 1 }, 'x')).toEqual({ queued: true });
    expect((await queue.list())[0]).toMatchObject({ id, url: '/api/x', body: { id, a: 1 } });
  });
  it('throws the field errors of a refused create, and does not queue it', async () => {
    const { client, queue } = setup(() => json({ title: 'Invalid', errors: { AmountCents: ['Must not be 0.'] } }, 400));
    const error = await createOrQueue({ client, queue }, '/api/x', { id }, 'x').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fieldErrors).toEqual({ amountCents: 'Must not be 0.' });
    expect(await queue.list()).toHaveLength(0);
  });
  it('without a queue a network failure is an offline error', async () => {
    const { client } = setup(() => { throw new TypeError('Failed to fetch'); });
    const error = await createOrQueue({ client }, '/api/x', { id }, 'x').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.offline).toBe(true);
  });
});
