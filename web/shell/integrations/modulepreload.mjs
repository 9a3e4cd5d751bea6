// An Astro integration: each built page lists every module its entry script imports statically as
// <link rel="modulepreload">, so the browser fetches them all with the page instead of discovering them one
// import level at a time (on a slow phone each level costs a round trip). Dynamic imports (module screens) stay lazy.
// Runs before the PWA integration, so the service worker precaches the final pages.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g;
const ENTRY = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

/** The chunks `entry` imports statically, transitively, in first-seen order (the entry itself excluded). */
export function staticImports(dist, entry) {
  const seen = new Set();
  const visit = (path) => {
    const code = readFileSync(join(dist, path), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const dep = `/_astro/${m[1].slice(2)}`;
      if (seen.has(dep)) continue;
      seen.add(dep);
      visit(dep);
    }
  };
  visit(entry);
  return [...seen];
}

export default function modulePreload() {
  return {
    name: 'trackstack-modulepreload',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const dist = fileURLToPath(dir);
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const entry = html.match(ENTRY);
          if (!entry) continue;
          const links = staticImports(dist, entry[1]).map((href) => `<link rel="modulepreload" href="${href}">`).join('');
          writeFileSync(file, html.replace(entry[0], `${links}${entry[0]}`));
        }
      },
    },
  };
}
