// Checks the built shell (web/shell/dist) against what the host's strict CSP and the PWA need.
// Skipped when the shell has not been built (./trackstack test builds it first).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules';

const dist = join(__dirname, '..', 'dist');
const built = existsSync(join(dist, 'index.html'));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

describe.skipIf(!built)('the built shell', () => {
  it('has no inline script or event handler, so script-src \'self\' suffices', () => {
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      // A JSON data block (the home page's early reads) is never run, so the CSP does not apply to it.
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, `${file}: ${tag}`).toMatch(/\ssrc=|\stype="application\/json"/);
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, file).not.toMatch(/javascript:/i);
    }
  });

  it('runs Preact in the browser, not react-dom, and lists the home cards\' first reads for early.js', () => {
    const assets = join(dist, '_astro');
    const scripts = readdirSync(assets).filter((n) => n.endsWith('.js')).map((n) => readFileSync(join(assets, n), 'utf8'));
    // react-dom's production build carries this message; Preact's compat layer does not.
    expect(scripts.some((js) => js.includes('Minified React error'))).toBe(false);
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const listed = home.match(/<script type="application\/json" id="ts-early-reads">([^<]*)<\/script>/);
    expect(JSON.parse(listed?.[1] ?? 'null')).toEqual(MODULES.flatMap((m) => m.homeReads ?? []));
    expect(home.indexOf('ts-early-reads')).toBeLessThan(home.indexOf('/early.js'));
  });

  it('has every page, the 404 page, a manifest with icons and a service worker', () => {
    for (const page of ['index.html', '404.html', 'sign-in/index.html', 'sign-up/index.html', 'verify-email/index.html', 'forgot-password/index.html',
      'reset-password/index.html', 'sign-out/index.html', 'profile/index.html', 'household/index.html', 'households/index.html', 'invite/index.html',
      ...MODULES.map((m) => `${m.name}/index.html`)]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.display).toBe('standalone');
    expect(manifest.orientation).toBe('any');
    expect(manifest.shortcuts.map((x: { name: string; url: string }) => [x.name, x.url])).toEqual([['Add expense', '/expenses#add'], ['Log refill', '/heating#overview']]);
    for (const icon of manifest.icons) expect(existsSync(join(dist, icon.src)), icon.src).toBe(true);
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(sw).toContain('index.html');
    expect(sw).not.toMatch(/\/api\//);
    // Everything precached must answer 200, or the service worker never installs.
    expect(sw).not.toMatch(/url:"\/?404(\.html)?"/);
    expect(sw).toMatch(/url:"sign-in"/);
  });

  it('has a Brotli and a gzip copy of each script beside it, for the host to send', () => {
    const scripts = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js') && statSync(join(dist, '_astro', f)).size >= 1024);
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      expect(existsSync(join(dist, '_astro', `${f}.br`)), `${f}.br`).toBe(true);
      expect(existsSync(join(dist, '_astro', `${f}.gz`)), `${f}.gz`).toBe(true);
    }
  });

  it('has a page per registry module, named in the navigation of every signed-in page, with its skeleton as static HTML', () => {
    for (const m of MODULES) {
      const html = readFileSync(join(dist, m.name, 'index.html'), 'utf8');
      expect(html).toContain(`data-screen="${m.name}"`);
      expect(html).toContain(`<h1>${m.label}</h1>`);
      expect(html).toMatch(new RegExp(`<a href="/${m.name}" aria-current="page"`));
    }
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const nav = home.match(/<nav class="bottomnav"[\s\S]*?<\/nav>/)?.[0] ?? '';
    // Every item once in the bar (a wide screen); on a phone the ones beyond the fifth are (also) under "More".
    const bar = nav.replace(/<details class="nav-more"[\s\S]*?<\/details>/, '');
    const all = ['/', ...MODULES.map((m) => `/${m.name}`), '/household', '/profile'];
    expect([...bar.matchAll(/href="([^"]+)"/g)].map((x) => x[1])).toEqual(all);
    const more = nav.match(/<div class="nav-more-menu">[\s\S]*?<\/div>/)?.[0] ?? '';
    expect([...more.matchAll(/href="([^"]+)"/g)].map((x) => x[1])).toEqual(all.length > 5 ? all.slice(4) : []);
  });
});
