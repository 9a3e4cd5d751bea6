// Dashboards in the shell's registry: the navigation entry, the home card, and the screen (loaded on its own).
import type { ModuleDefinition } from '@trackstack/ui';
import { DashboardsHomeCard } from './DashboardsHomeCard';
import { t } from './strings';

export const dashboards: ModuleDefinition = {
  name: 'dashboards',
  label: t.module.label,
  icon: 'M4 4h7v9H4zm9 0h7v5h-7zM4 15h7v5H4zm9-4h7v9h-7z',
  HomeCard: DashboardsHomeCard,
  homeReads: ['/dashboards'],
  screens: () => import('./DashboardsScreen').then((m) => ({ Screen: m.DashboardsScreen, Skeleton: m.DashboardsScreenSkeleton })),
};
