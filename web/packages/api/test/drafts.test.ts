import { describe, expect, it, vi } from 'vitest';
import { flushDrafts, registerDraft, takeDraft } from '../src/drafts';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.get(k) ?? null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

describe('drafts', () => {
  it('survive a trip to sign-in: flushed per page, taken back once', () => {
    const storage = new MemoryStorage();
    let values = { displayName: 'Half-typed name' };
    const off = registerDraft('profile', () => values);
    values = { displayName: 'Fully typed name' };
    expect(flushDrafts(storage, '/profile')).toBe(1);
    off();
    expect(takeDraft('profile', storage, '/other')).toBeUndefined();
    expect(takeDraft('profile', storage, '/profile')).toEqual({ displayName: 'Fully typed name' });
    expect(takeDraft('profile', storage, '/profile')).toBeUndefined();
  });

  it('are not written once the form is gone', () => {
    const storage = new MemoryStorage();
    registerDraft('gone', () => ({ a: 1 }))();
    expect(flushDrafts(storage, '/x')).toBe(0);
  });

  it('expire after a day', () => {
    const storage = new MemoryStorage();
    const off = registerDraft('old', () => ({ a: 1 }));
    flushDrafts(storage, '/x');
    off();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 25 * 3600 * 1000);
    expect(takeDraft('old', storage, '/x')).toBeUndefined();
  });
});
