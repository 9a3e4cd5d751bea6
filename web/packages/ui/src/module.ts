// What a module gives the shell: one entry of the shell's registry (shell/src/modules.ts), from which the
// navigation, the home screen's cards and the module's page are built.
import type { ComponentType } from 'react';
import type { ModuleContext } from '@trackstack/api';

/** A module's screen and its skeleton, loaded on their own so the home screen never downloads them. */
export interface ModuleScreens {
  Screen: ComponentType<{ context: ModuleContext }>;
  /** The screen before the session is known; also the page's static HTML. */
  Skeleton: ComponentType;
}

export interface ModuleDefinition {
  /** The page is /<name>: lower-case letters, digits and dashes, not the name of a shell page. */
  name: string;
  /** The navigation label and the page title. */
  label: string;
  /** SVG path data on a 24 × 24 grid, drawn with a 1.8 px stroke in the navigation. */
  icon: string;
  /** The card on the home screen; `context` is null until the session is known. */
  HomeCard: ComponentType<{ context: ModuleContext | null }>;
  /** The paths under the household the home card reads first (`/heating/summary`, `/expenses/months/{month}` with
   * the household's current month): on a cold load the page asks for them before its JavaScript has arrived. */
  homeReads?: readonly string[];
  /** `() => import('./XScreen').then(...)`: a dynamic import, so the screen is a chunk of its own. */
  screens: () => Promise<ModuleScreens>;
}
