import { useMemo } from 'react';
import { ExpensesScreen, ExpensesScreenSkeleton } from '@trackstack/expenses';
import { moduleContext } from './HomePage';
import { useSession } from './session';

/** /expenses: its own bundle, so the home screen does not load the Expenses screens. */
export function ExpensesPage() {
  const { household } = useSession();
  const context = useMemo(() => moduleContext(household), [household]);
  return context ? <ExpensesScreen context={context} /> : <ExpensesScreenSkeleton />;
}
