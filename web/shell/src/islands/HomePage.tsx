import type { ModuleContext } from '@trackstack/api';
import type { ModuleDefinition } from '@trackstack/ui';
import { MODULES } from '../modules';
import { useModuleContext } from './moduleContext';
import { useSession } from './session';

/** "At a glance": one card per module, each loading on its own. */
export function HomePage() {
  const { household } = useSession();
  const context = useModuleContext();
  return (
    <>
      <h1 className="visually-hidden">At a glance{household ? ` – ${household.name}` : ''}</h1>
      <HomeCards modules={MODULES} context={context} />
    </>
  );
}

/** The registry's home cards, in its order. */
export function HomeCards({ modules, context }: { modules: readonly ModuleDefinition[]; context: ModuleContext | null }) {
  return <>{modules.map((m) => <m.HomeCard key={m.name} context={context} />)}</>;
}
