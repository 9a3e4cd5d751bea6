import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModuleContext } from '@trackstack/api';
import { HeatingScreen } from './HeatingScreen';

export { HeatingHomeCard } from './HeatingHomeCard';
export { HeatingScreen, HeatingScreenSkeleton } from './HeatingScreen';

/** Mounts the Heating screen into an element; returns the function that unmounts it. */
export function mount(element: Element, context: ModuleContext): () => void {
  const root = createRoot(element);
  root.render(createElement(HeatingScreen, { context }));
  return () => root.unmount();
}
