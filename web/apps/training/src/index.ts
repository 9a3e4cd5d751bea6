import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModuleContext } from '@trackstack/api';
import { TrainingScreen } from './TrainingScreen';

export { TrainingHomeCard } from './TrainingHomeCard';
export { TrainingScreen, TrainingScreenSkeleton } from './TrainingScreen';

/** Mounts the Training screen into an element; returns the function that unmounts it. */
export function mount(element: Element, context: ModuleContext): () => void {
  const root = createRoot(element);
  root.render(createElement(TrainingScreen, { context }));
  return () => root.unmount();
}
