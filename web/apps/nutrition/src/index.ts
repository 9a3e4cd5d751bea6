import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModuleContext } from '@trackstack/api';
import { NutritionScreen } from './NutritionScreen';

export { NutritionHomeCard } from './NutritionHomeCard';
export { NutritionScreen, NutritionScreenSkeleton } from './NutritionScreen';

/** Mounts the Nutrition screen into an element; returns the function that unmounts it. */
export function mount(element: Element, context: ModuleContext): () => void {
  const root = createRoot(element);
  root.render(createElement(NutritionScreen, { context }));
  return () => root.unmount();
}
