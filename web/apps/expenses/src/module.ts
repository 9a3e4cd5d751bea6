// Expenses in the shell's registry: the navigation entry, the home card, and the screen (loaded on its own).
import type { ModuleDefinition } from '@trackstack/ui';
import { ExpensesHomeCard } from './ExpensesHomeCard';
import { t } from './strings';

export const expenses: ModuleDefinition = {
  name: 'expenses',
  label: t.module.label,
  icon: 'M4 6h16v12H4zM4 10h16M8 15h3',
  HomeCard: ExpensesHomeCard,
  homeReads: ['/expenses/months/{month}'],
  screens: () => import('./ExpensesScreen').then((m) => ({ Screen: m.ExpensesScreen, Skeleton: m.ExpensesScreenSkeleton })),
};
