import { describe, expect, it } from 'vitest';
import { signUpProblems } from '../src/lib/signUpChecks';

const ok = { displayName: 'Ada', email: 'ada@example.org', password: 'correct horse battery staple' };

describe('sign-up checks in the browser', () => {
  it('passes values the server accepts', () => {
    expect(signUpProblems(ok)).toEqual({});
  });

  it('names each field in error', () => {
    expect(Object.keys(signUpProblems({ displayName: '  ', email: 'ada@', password: 'short' })).sort()).toEqual(['displayName', 'email', 'password']);
    expect(signUpProblems({ ...ok, email: '' }).email).toMatch(/Enter your e-mail/);
    expect(signUpProblems({ ...ok, email: 'ada@example' }).email).toMatch(/like name@example.org/);
    expect(signUpProblems({ ...ok, password: 'aaaaaaaaaaaa' }).password).toMatch(/4 different/);
    expect(signUpProblems({ ...ok, password: 'x'.repeat(257) }).password).toMatch(/at most 256/);
    expect(signUpProblems({ ...ok, displayName: 'a'.repeat(101) }).displayName).toMatch(/1 to 100/);
  });
});
