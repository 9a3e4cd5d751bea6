// @vitest-environment jsdom
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModuleContext } from '@trackstack/api';
import type { ModuleDefinition } from '@trackstack/ui';
import { MODULES } from '../src/modules';
import { navItems } from '../src/lib/navigation';
import { HomeCards } from '../src/islands/HomePage';
import { ModulePage } from '../src/islands/ModulePage';
import { cleanup, render, settle } from '../../packages/ui/test/render';

/** A module the shell has never heard of, as a new one would be added. */
const garden: ModuleDefinition = {
  name: 'garden', label: 'Garden', icon: 'M0 0h24',
  HomeCard: ({ context }) => <section data-card="garden">{context ? context.household.name : 'loading'}</section>,
  screens: async () => ({ Screen: ({ context }) => <p data-screen-of={context.household.id}>Garden screen</p>, Skeleton: () => <p>Garden skeleton</p> }),
};
const context = { household: { id: 'h1', name: 'Home' } } as ModuleContext;

afterEach(() => { cleanup(); localStorage.clear(); vi.unstubAllGlobals(); });

describe('the module registry', () => {
  it('builds the navigation: home, then each module in registry order at /<name>, then household and profile', () => {
    expect(navItems(MODULES).map((i) => i.href)).toEqual(['/', ...MODULES.map((m) => `/${m.name}`), '/household', '/profile']);
    const withGarden = navItems([...MODULES, garden]);
    expect(withGarden.find((i) => i.key === 'garden')).toEqual({ key: 'garden', href: '/garden', label: 'Garden', icon: 'M0 0h24' });
    expect(withGarden.at(-3)?.key).toBe('garden');
  });

  it('puts one home card per module on the home screen, in registry order, each with the context', async () => {
    const other: ModuleDefinition = { ...garden, name: 'pond', HomeCard: () => <section data-card="pond" /> };
    const el = await render(<HomeCards modules={[garden, other]} context={context} />);
    expect([...el.querySelectorAll('[data-card]')].map((c) => c.getAttribute('data-card'))).toEqual(['garden', 'pond']);
    expect(el.querySelector('[data-card="garden"]')?.textContent).toBe('Home');
  });

  it('has Expenses and Heating among its modules, whose names are URL segments and no shell page\'s', () => {
    const names = MODULES.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['expenses', 'heating']));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
    // A module named like a shell page would lose its page to it (static routes win over [module]).
    const shellPages = readdirSync(join(__dirname, '..', 'src', 'pages')).map((p) => p.replace(/\.astro$/, ''));
    expect(shellPages).toContain('profile');
    for (const name of names) expect(shellPages).not.toContain(name);
  });

  it('loads every module\'s screen and skeleton on demand', async () => {
    for (const m of MODULES) {
      const screens = await m.screens();
      expect(typeof screens.Screen, m.name).toBe('function');
      expect(typeof screens.Skeleton, m.name).toBe('function');
    }
  });
});

describe('a module page', () => {
  beforeEach(() => { vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch'))); });

  it('shows the skeleton until the session is known', async () => {
    const el = await render(<ModulePage screens={await garden.screens()} />);
    expect(el.textContent).toBe('Garden skeleton');
  });

  it('shows the screen for the current household once it is known (here: from the last session)', async () => {
    const household = { id: 'h1', name: 'Home', currency: 'EUR', locale: 'en-GB', timeZone: 'UTC', isPersonal: true, myRole: 'owner', createdAt: '' };
    localStorage.setItem('ts.session', JSON.stringify({ me: { id: 'u', email: 'a@b.c', displayName: 'A', emailVerified: true, hasPassword: true, externalLogins: [], households: [{ id: 'h1', name: 'Home', role: 'owner', isPersonal: true }] } }));
    localStorage.setItem('ts.hh.h1', JSON.stringify(household));
    const el = await render(<ModulePage screens={await garden.screens()} />);
    await settle();
    expect(el.querySelector('[data-screen-of]')?.getAttribute('data-screen-of')).toBe('h1');
  });
});
