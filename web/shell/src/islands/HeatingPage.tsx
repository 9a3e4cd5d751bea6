import { useMemo } from 'react';
import { HeatingScreen, HeatingScreenSkeleton } from '@trackstack/heating';
import { moduleContext } from './HomePage';
import { useSession } from './session';

/** /heating: its own bundle, so the home screen does not load the Heating screens. */
export function HeatingPage() {
  const { household } = useSession();
  const context = useMemo(() => moduleContext(household), [household]);
  return context ? <HeatingScreen context={context} /> : <HeatingScreenSkeleton />;
}
