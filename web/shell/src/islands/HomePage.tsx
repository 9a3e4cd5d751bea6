import { useCallback, useState } from 'react';
import { householdPath, type ModuleContext } from '@trackstack/api';
import { StaleNotice, useReloadOnReconnect, useStaleReads, type ModuleDefinition } from '@trackstack/ui';
import { MODULES } from '../modules';
import { useModuleContext } from './moduleContext';
import { useSession } from './session';
import { t } from '../strings';

/** "At a glance": one card per module, each loading on its own. */
export function HomePage() {
  const { household } = useSession();
  const context = useModuleContext();
  // Offline the cards show what the device kept ("as of"); back online they load again (a new key remounts them).
  const [round, setRound] = useState(0);
  const cache = context?.client.readCache;
  useReloadOnReconnect(cache, useCallback(() => setRound((r) => r + 1), []));
  const stale = useStaleReads(cache, context ? householdPath(context.household.id, '/') : '/api/households/');
  return (
    <>
      <h1 className="visually-hidden">{t.homePage.atGlance(household ? ` – ${household.name}` : '')}</h1>
      {context ? <StaleNotice reads={stale} format={context.household} /> : null}
      <HomeCards key={round} modules={MODULES} context={context} />
    </>
  );
}

/** The registry's home cards, in its order. */
export function HomeCards({ modules, context }: { modules: readonly ModuleDefinition[]; context: ModuleContext | null }) {
  return <>{modules.map((m) => <m.HomeCard key={m.name} context={context} />)}</>;
}
