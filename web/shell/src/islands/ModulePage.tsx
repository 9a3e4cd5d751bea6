import type { ModuleScreens } from '@trackstack/ui';
import { MODULES } from '../modules';
import { boot } from './boot';
import { useModuleContext } from './moduleContext';

/** A module's page: its screen once the session is known, its skeleton before. */
export function ModulePage({ screens }: { screens: ModuleScreens }) {
  const context = useModuleContext();
  return context ? <screens.Screen context={context} /> : <screens.Skeleton />;
}

/** Starts the module page the static HTML names (#app's data-screen); the screen's code arrives as its own chunk. */
export function bootModulePage() {
  const name = document.getElementById('app')?.dataset.screen;
  const entry = MODULES.find((m) => m.name === name);
  if (!entry) throw new Error(`No module "${name}" in the registry`);
  boot(entry.screens().then((screens) => function Page() { return <ModulePage screens={screens} />; }));
}
