// The bottom navigation (a top bar on wide screens): home, then one item per module, then the household and profile.
import type { ModuleDefinition } from '@trackstack/ui';
import { t } from '../strings';

export interface NavItem { key: string; href: string; label: string; icon: string }

const HOME: NavItem = { key: 'home', href: '/', label: t.nav.home, icon: 'M3 11.5 12 4l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z' };
const HOUSEHOLD: NavItem = { key: 'household', href: '/household', label: t.nav.household, icon: 'M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M14 15.3c.6-.2 1.3-.3 2-.3 3 0 6 2 6 5' };
const PROFILE: NavItem = { key: 'profile', href: '/profile', label: t.nav.profile, icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6' };

export const MORE_ICON = 'M5 12h.01M12 12h.01M19 12h.01';

/** A phone's bottom bar has room for five labelled items: beyond that, the last ones go under "More". */
export const PHONE_SLOTS = 5;

export function navItems(modules: readonly ModuleDefinition[]): NavItem[] {
  return [HOME, ...modules.map((m) => ({ key: m.name, href: `/${m.name}`, label: m.label, icon: m.icon })), HOUSEHOLD, PROFILE];
}

/** The items a phone shows in its bar and the ones under "More" (none when all fit). A wide screen shows them all. */
export function splitForPhone(items: readonly NavItem[]): { bar: NavItem[]; more: NavItem[] } {
  if (items.length <= PHONE_SLOTS) return { bar: [...items], more: [] };
  return { bar: items.slice(0, PHONE_SLOTS - 1), more: items.slice(PHONE_SLOTS - 1) };
}
