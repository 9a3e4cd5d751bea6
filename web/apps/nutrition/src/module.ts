// Nutrition in the shell's registry: the navigation entry, the home card, and the screen (loaded on its own).
import type { ModuleDefinition } from '@trackstack/ui';
import { NutritionHomeCard } from './NutritionHomeCard';
import { t } from './strings';

export const nutrition: ModuleDefinition = {
  name: 'nutrition',
  label: t.module.label,
  icon: 'M12 21c-4 0-7-3-7-8 0-3 2-6 5-6 1 0 1.5.5 2 .5s1-.5 2-.5c3 0 5 3 5 6 0 5-3 8-7 8zM12 7c0-2 1-4 3-4',
  HomeCard: NutritionHomeCard,
  homeReads: ['/nutrition/summary'],
  screens: () => import('./NutritionScreen').then((m) => ({ Screen: m.NutritionScreen, Skeleton: m.NutritionScreenSkeleton })),
};
