import { createElement, StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { TopBar } from './TopBar';
import { startOfflineSync } from '../lib/offline';
import { sessionSettled } from './session';

/** Mounts the page component into #app and, on signed-in pages, the top bar into #topbar-app. A page whose code
 * is still loading (a module screen) keeps its static HTML until it arrives; the top bar does not wait for it. */
export function boot(page: ComponentType | Promise<ComponentType>, options: { signedIn?: boolean; awaitSession?: boolean } = {}) {
  const signedIn = options.signedIn ?? true;
  const bar = document.getElementById('topbar-app');
  if (bar && signedIn) createRoot(bar).render(createElement(StrictMode, null, createElement(TopBar)));
  if (signedIn) startOfflineSync();
  void registerServiceWorker();
  // The home screen: its static HTML already shows the cards' skeletons; mounting once the session is known saves a
  // render before the cards can ask for their figures (at most 3 s: then it mounts and waits like any page).
  const ready = signedIn && options.awaitSession ? sessionSettled(3000) : null;
  void Promise.all([page, ready]).then(([Page]) => {
    const app = document.getElementById('app');
    if (app) createRoot(app).render(createElement(StrictMode, null, createElement(Page)));
    document.documentElement.dataset.ready = 'true';
  });
}

/** The Workbox service worker built by @vite-pwa/astro. Registered directly (no workbox-window): an update
 * activates on its own and shows on the next page, and a page is never reloaded while someone types. */
async function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch {
    /* the app works without it */
  }
}
