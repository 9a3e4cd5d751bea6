// Household roles in words, and who may manage whom.
import type { HouseholdRole } from '@trackstack/api';
import { t } from '../../strings';

export const ROLE_LABEL: Record<HouseholdRole, string> = t.roles.label;
export const ROLE_HELP: Record<HouseholdRole, string> = t.roles.help;
export const rank: Record<HouseholdRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
export const canManage = (role: HouseholdRole | undefined) => role === 'admin' || role === 'owner';
