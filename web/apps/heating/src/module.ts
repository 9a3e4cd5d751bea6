// Heating in the shell's registry: the navigation entry, the home card, and the screen (loaded on its own).
import type { ModuleDefinition } from '@trackstack/ui';
import { HeatingHomeCard } from './HeatingHomeCard';
import { t } from './strings';

export const heating: ModuleDefinition = {
  name: 'heating',
  label: t.module.label,
  icon: 'M12 3c1 3 5 5 5 10a5 5 0 0 1-10 0c0-2 1-3.5 2-4.5 0 2 1 3 2 3 0-3-1-5 1-8.5z',
  HomeCard: HeatingHomeCard,
  homeReads: ['/heating/summary'],
  screens: () => import('./HeatingScreen').then((m) => ({ Screen: m.HeatingScreen, Skeleton: m.HeatingScreenSkeleton })),
};
