import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModuleContext } from '@trackstack/api';
import { DashboardsScreen } from './DashboardsScreen';

export { DashboardsHomeCard } from './DashboardsHomeCard';
export { DashboardsScreen, DashboardsScreenSkeleton } from './DashboardsScreen';

/** Mounts the Dashboards screen into an element; returns the function that unmounts it. */
export function mount(element: Element, context: ModuleContext): () => void {
  const root = createRoot(element);
  root.render(createElement(DashboardsScreen, { context }));
  return () => root.unmount();
}
