// The JavaScript budget: the gzip bytes of the scripts each page loads on a cold start (no cache, no service
// worker), against web/js-budget.json. Bytes do not depend on the machine, so a page over its budget fails here.
import { readFileSync } from 'node:fs';

const budget = JSON.parse(readFileSync(new URL('../../js-budget.json', import.meta.url), 'utf8'));

export default function ({ test, expect, s, metrics, scriptBytes, PHONE }) {
  test('budget: every page’s JavaScript stays within web/js-budget.json (gzip)', async () => {
    const cookies = (await s.ada.storageState()).cookies;
    const over = [];
    for (const [path, limit] of Object.entries(budget.pages)) {
      const signedOut = path === '/sign-in';
      const context = await s.browser.newContext({ viewport: PHONE, storageState: { cookies: signedOut ? [] : cookies, origins: [] }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const scripts = new Set();
      page.on('response', (r) => { if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname); });
      await page.goto(`${s.base}${path}`);
      await page.waitForLoadState('networkidle');
      await context.close();
      const { raw, gz } = scriptBytes(scripts);
      const max = limit ?? budget.defaultGzipBytes;
      metrics[`jsGzipBytes${path === '/' ? '/home' : path}`] = gz;
      console.log(`  metric: ${path.padEnd(12)} ${(gz / 1024).toFixed(1).padStart(6)} kB gzip of ${(max / 1024).toFixed(0)} kB (${(raw / 1024).toFixed(1)} kB raw, ${scripts.size} files)`);
      if (scripts.size === 0) over.push(`${path}: no script was loaded`);
      if (gz > max) over.push(`${path}: ${gz} bytes gzip, over its budget of ${max}`);
    }
    expect(over.length === 0, over.join('\n'));
  });
}
