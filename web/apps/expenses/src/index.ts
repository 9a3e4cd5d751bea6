import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModuleContext } from '@trackstack/api';
import { ExpensesScreen } from './ExpensesScreen';

export { ExpensesHomeCard } from './ExpensesHomeCard';
export { ExpensesScreen, ExpensesScreenSkeleton } from './ExpensesScreen';

/** Mounts the Expenses screen into an element; returns the function that unmounts it. */
export function mount(element: Element, context: ModuleContext): () => void {
  const root = createRoot(element);
  root.render(createElement(ExpensesScreen, { context }));
  return () => root.unmount();
}
