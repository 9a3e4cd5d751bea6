// Household roles in words, and who may manage whom.
import type { HouseholdRole } from '@trackstack/api';

export const ROLE_LABEL: Record<HouseholdRole, string> = { viewer: 'Viewer', member: 'Member', admin: 'Admin', owner: 'Owner' };
export const ROLE_HELP: Record<HouseholdRole, string> = {
  viewer: 'sees everything, changes nothing',
  member: 'also records data',
  admin: 'also changes settings and manages members',
  owner: 'can do everything',
};
export const rank: Record<HouseholdRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
export const canManage = (role: HouseholdRole | undefined) => role === 'admin' || role === 'owner';
