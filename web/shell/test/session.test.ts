import { describe, expect, it } from 'vitest';
import type { Me } from '@trackstack/api';
import { pickHousehold } from '../src/lib/session';

const me = (households: Array<{ id: string; isPersonal: boolean }>): Me => ({
  id: 'u', email: 'a@b.c', displayName: 'A', emailVerified: true, hasPassword: true, externalLogins: [],
  households: households.map((h) => ({ ...h, name: h.id, role: 'owner' as const })),
});

describe('the current household', () => {
  it('is the remembered one while you still belong to it', () => {
    expect(pickHousehold(me([{ id: 'p', isPersonal: true }, { id: 'shared', isPersonal: false }]), 'shared')).toBe('shared');
  });
  it('falls back to the personal household, then the first, then none', () => {
    expect(pickHousehold(me([{ id: 'shared', isPersonal: false }, { id: 'p', isPersonal: true }]), 'removed')).toBe('p');
    expect(pickHousehold(me([{ id: 'only', isPersonal: false }]), null)).toBe('only');
    expect(pickHousehold(me([]), 'x')).toBeNull();
  });
});
