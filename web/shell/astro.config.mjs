// The TrackStack shell: static pages, each mounting its React screen from a bundled module script.
// No inline scripts anywhere (the host's CSP allows only 'self' scripts): pages use processed <script> tags,
// Vite never inlines assets, and the service worker registers from the bundle.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import AstroPWA from '@vite-pwa/astro';
import modulePreload from './integrations/modulepreload.mjs';

// In the browser the components run on Preact's React-compatible API (preact/compat): a tenth of react-dom's size,
// which a slow phone must download, parse and run before the home cards can ask for their figures. The static HTML
// is still rendered by React at build time (the SSR build keeps 'react'); the browser replaces it, never hydrates it.
const PREACT = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};
function preactInTheBrowser() {
  return {
    name: 'trackstack:preact-in-the-browser',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (options?.ssr || !(id in PREACT)) return null;
      return this.resolve(PREACT[id], importer, { ...options, skipSelf: true });
    },
  };
}

const apiTarget = process.env.TRACKSTACK_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never', assets: '_astro' },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [
    react(),
    modulePreload(),
    AstroPWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['theme.js', 'early.js', 'icons/*.svg', 'icons/*.png'],
      manifest: {
        name: 'TrackStack',
        short_name: 'TrackStack',
        description: 'Your household at a glance: what is left this month, heating stock and more.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // Any orientation: a phone turned sideways and a desktop window both get the app (the layout is responsive).
        orientation: 'any',
        background_color: '#0d1015',
        theme_color: '#0d1015',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
        // Long-press on the installed icon: straight to the two things done most often.
        shortcuts: [
          { name: 'Add expense', short_name: 'Add expense', url: '/expenses#add', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          { name: 'Log refill', short_name: 'Log refill', url: '/heating#overview', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The 404 page is served with status 404, which would fail the precache.
        globIgnores: ['404.html', '**/404.html'],
        navigateFallback: null,
        // A new deploy takes over at once; pages are never reloaded under the user (drafts stay intact).
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Pages: the network first (fresh data, new deploys), the last copy when offline.
            urlPattern: ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/api'),
            handler: 'NetworkFirst',
            options: { cacheName: 'pages', networkTimeoutSeconds: 4, expiration: { maxEntries: 40 } },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  vite: {
    plugins: [preactInTheBrowser()],
    build: {
      assetsInlineLimit: 0,
      rollupOptions: { output: { entryFileNames: '_astro/page.[hash].js' } },
    },
    server: { proxy: { '/api': apiTarget, '/openapi': apiTarget } },
  },
});
