// Training in the shell's registry: the navigation entry, the home card, and the screen (loaded on its own).
import type { ModuleDefinition } from '@trackstack/ui';
import { TrainingHomeCard } from './TrainingHomeCard';
import { t } from './strings';

export const training: ModuleDefinition = {
  name: 'training',
  label: t.module.label,
  icon: 'M3 10h2v4H3zm16 0h2v4h-2zM6 7h2v10H6zm10 0h2v10h-2zM8 11h8v2H8z',
  HomeCard: TrainingHomeCard,
  homeReads: ['/training/summary'],
  screens: () => import('./TrainingScreen').then((m) => ({ Screen: m.TrainingScreen, Skeleton: m.TrainingScreenSkeleton })),
};
