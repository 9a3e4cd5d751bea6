// Nutrition: a recipe imported from pasted JSON-LD and from a page's address, and a food found by its barcode, logged.
// A local fixture server stands in for Open Food Facts and for a recipe site; it serves the real answers the backend
// tests use (tests/fixtures/nutrition, see SOURCES.md there). The host is told about it through `hostEnv`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/host.mjs';

const fixture = (name) => readFileSync(join(repoRoot, 'tests/fixtures/nutrition', name), 'utf8');
const site = { base: '', requests: [] };

/** Started before the host: Open Food Facts' product API for two real products (404 and status 0 for the rest, as
 * OFF answers), and a recipe page. Neither the server nor its connections keep the test run alive. */
export async function hostEnv() {
  const products = { '3366321052331': fixture('off_3366321052331.json'), '5010251168577': fixture('off_go_5010251168577.json') };
  const page = fixture('recipe-page-grilled-cheese-and-greens.html');
  const server = createServer((req, res) => {
    site.requests.push(req.url);
    const product = /^\/api\/v2\/product\/(\d+)\.json$/.exec(req.url ?? '');
    if (product) {
      const body = products[product[1]];
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      return res.end(body ?? JSON.stringify({ code: product[1], status: 0, status_verbose: 'product not found' }));
    }
    if (req.url === '/recipes/grilled-cheese') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not here');
  });
  server.on('connection', (socket) => socket.unref());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  site.base = `http://127.0.0.1:${server.address().port}`;
  return {
    TrackStack__Nutrition__OpenFoodFactsUrl: site.base,
    // The recipe site is on loopback, which the server refuses to fetch from unless the operator allows it.
    TrackStack__Nutrition__AllowPrivateAddresses: 'true',
  };
}

export default function ({ test, expect, s, call, shot, householdId, PHONE, DESKTOP }) {
  const openImport = async (page) => {
    // A load of its own: from /nutrition#recipes a goto changes nothing, and the book may show a recipe.
    await page.goto(`${s.base}/`);
    await page.goto(`${s.base}/nutrition#recipes`);
    await page.locator('[data-panel="recipes"][data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Import recipe' }).click();
    await page.locator('[data-panel="import"]').waitFor();
  };

  test('nutrition: a recipe pasted as JSON-LD is imported, opened with its computed nutrition, and listed in the book', async () => {
    const page = s.adaPage;
    await openImport(page);
    // Words that are neither a page nor JSON-LD are refused in the browser, next to the box.
    await page.fill('textarea[name=pasted]', 'Monster cupcakes, makes 12');
    await page.locator('[data-form="import-pasted"] button[type=submit]').click();
    await page.locator('[data-form="import-pasted"] .field-error', { hasText: 'Paste the page' }).waitFor();

    const ld = fixture('rs_bbcgoodfood_2_monster-cupcakes.ld.json');
    await page.fill('textarea[name=pasted]', ld);
    await page.locator('[data-form="import-pasted"] .field-hint', { hasText: 'Read as JSON-LD.' }).waitFor();
    await shot(page, 'phone-nutrition-import');
    const answered = page.waitForResponse((r) => r.url().endsWith('/nutrition/recipes/import'));
    await page.locator('[data-form="import-pasted"] button[type=submit]').click();
    expect((await answered).status() === 201, `the import answered ${(await answered).status()}`);
    const recipe = page.locator('[data-panel="recipe"]');
    await recipe.locator('h2', { hasText: 'Monster cupcakes' }).waitFor();
    await page.locator('.notice-success', { hasText: /Monster cupcakes imported: \d+ of 14 ingredients linked/ }).waitFor();
    await recipe.locator('[data-servings]', { hasText: '12 servings' }).waitFor();
    // The nutrition shown is the server's, computed from the linked lines (eggs, flour, butter…).
    const hh = await householdId(page);
    const list = (await call(page, 'GET', `/api/households/${hh}/nutrition/recipes?pageSize=100`)).body;
    const stored = list.items.find((r) => r.title === 'Monster cupcakes');
    expect(stored, 'the imported recipe is not stored');
    const full = (await call(page, 'GET', `/api/households/${hh}/nutrition/recipes/${stored.id}`)).body;
    const kcal = full.nutrition.perServing.kcal;
    // Only lines whose every food word matches (everyday British words included) are linked; the rest wait for the cook.
    expect(kcal > 0, `per serving ${kcal} kcal`);
    const energy = ((await recipe.locator('[data-label="per-serving"] tr').first().locator('td').textContent()) ?? '').trim();
    expect(energy === `${kcal} kcal`, `the page shows "${energy}", the server computed ${kcal} kcal`);
    const counted = await recipe.locator('li[data-status="counted"]').count();
    expect(counted === full.ingredients.filter((i) => i.status === 'counted').length && counted >= 3, `${counted} lines counted`);
    await recipe.locator('p.muted', { hasText: full.nutrition.coverage }).waitFor();
    expect(await recipe.locator('li', { hasText: 'large eggs' }).locator('.muted', { hasText: 'Egg, whole' }).count() === 1, 'the eggs are not linked to egg');
    await shot(page, 'phone-nutrition-imported-recipe');

    await recipe.getByRole('button', { name: 'Back' }).click();
    const row = page.locator('[data-panel="recipes"] li', { hasText: 'Monster cupcakes' });
    await row.locator('.muted', { hasText: `${Math.round(kcal)} kcal per serving` }).waitFor();
  });

  test('nutrition: a recipe imported from its page address (a local site); the server\'s reason shows next to the field', async () => {
    const page = s.adaPage;
    await openImport(page);
    await page.fill('input[name=url]', 'ftp://example.org/recipe');
    await page.locator('[data-form="import-url"] button[type=submit]').click();
    await page.locator('[data-form="import-url"] .field-error', { hasText: 'starting with https://' }).waitFor();
    // The server's own complaint: the page is not there.
    await page.fill('input[name=url]', `${site.base}/recipes/gone`);
    await page.locator('[data-form="import-url"] button[type=submit]').click();
    const error = page.locator('[data-form="import-url"] .field-error', { hasText: 'answered 404' });
    await error.waitFor();
    expect((await page.getAttribute('input[name=url]', 'aria-invalid')) === 'true', 'the address is not marked invalid');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name')) === 'url', 'focus is not on the address');
    await shot(page, 'phone-nutrition-import-error');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'desktop-nutrition-import-error');
    await page.setViewportSize(PHONE);

    await page.fill('input[name=url]', `${site.base}/recipes/grilled-cheese`);
    await page.locator('[data-form="import-url"] button[type=submit]').click();
    const recipe = page.locator('[data-panel="recipe"]');
    await recipe.locator('h2', { hasText: 'Grilled Cheese and Greens' }).waitFor();
    await recipe.locator('[data-servings]', { hasText: '4 servings' }).waitFor();
    expect((await recipe.locator('[data-status]').count()) === 7, 'not the 7 ingredient lines of the page');
    expect(site.requests.includes('/recipes/grilled-cheese'), 'the server did not fetch the page from the local site');
  });

  test('nutrition: a barcode typed in (no camera here) finds the Open Food Facts product, which is logged by its serving', async () => {
    const page = s.adaPage;
    await page.goto(`${s.base}/nutrition#log`);
    await page.locator('[data-panel="day"][data-state="ready"]').waitFor();
    // The site may use the camera (the Permissions-Policy allows it for itself).
    expect(await page.evaluate(() => document.featurePolicy?.allowsFeature('camera') ?? true), 'the camera is disabled by the page\'s permissions policy');
    const left = async () => Number(((await page.textContent('[data-remaining]')) ?? '').split(' ')[0].replace(/\D/g, ''));
    const before = await left();

    await page.getByRole('button', { name: 'Scan barcode' }).click();
    // Headless Chromium has no BarcodeDetector (or no camera): the typed entry, saying why.
    await page.locator('[data-barcode="typed"] .notice', { hasText: /cannot read barcodes|camera is not available/ }).waitFor();
    const field = page.locator('input[name=barcode]');
    expect((await field.getAttribute('inputmode')) === 'numeric', 'the barcode field does not ask for the number keypad');
    const lookups = () => site.requests.filter((u) => u.startsWith('/api/v2/product/')).length;
    const asked = lookups();
    await field.fill('3366 321');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('[data-form="barcode"] .field-error', { hasText: 'A barcode has 8, 12, 13 or 14 digits; this has 7.' }).waitFor();
    await field.fill('3366321052332');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('[data-form="barcode"] .field-error', { hasText: 'check the digits for a typo' }).waitFor();
    await field.fill('4000000000006');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('[data-form="barcode"] .field-error', { hasText: 'Open Food Facts has no product with the barcode 4000000000006' }).waitFor();
    expect(lookups() === asked + 1, 'the browser did not check the first codes itself, or the unknown one was not looked up');
    await shot(page, 'phone-nutrition-barcode-not-found');

    // Offline the lookup says it needs a connection; nothing is queued.
    await s.ada.setOffline(true);
    try {
      await field.fill('3366321052331');
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.locator('[data-form="barcode"] .field-error', { hasText: 'Barcode lookup needs a connection' }).waitFor();
      expect((await page.locator('.sync-status', { hasText: 'to sync' }).count()) === 0, 'a barcode lookup was queued');
    } finally {
      await s.ada.setOffline(false);
    }
    await page.waitForFunction(() => navigator.onLine);

    await page.getByRole('button', { name: 'Look up' }).click();
    const form = page.locator('[data-form="log"]');
    await form.locator('strong', { hasText: 'St Hubert bio doux pour tartine et cuisine' }).waitFor();
    const source = (await form.locator('[data-attribution]').textContent()) ?? '';
    expect(source.includes('Open Food Facts') && source.includes('ODbL'), `the attribution reads "${source}"`);
    // The serving (10 g) from Open Food Facts is the first suggestion; two of them.
    expect((await page.inputValue('input[name=grams]')) === '10', `grams start at ${await page.inputValue('input[name=grams]')}`);
    await page.fill('input[name=grams]', '20');
    await shot(page, 'phone-nutrition-barcode-found');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'desktop-nutrition-barcode-found');
    await page.setViewportSize(PHONE);
    await form.locator('button[type=submit]').click();
    await page.locator('.notice-success', { hasText: 'St Hubert bio doux pour tartine et cuisine logged.' }).waitFor();
    await page.locator('[data-meal] li', { hasText: 'St Hubert' }).first().waitFor();
    // 20 g at 470 kcal per 100 g.
    await page.waitForFunction((expected) => Number((document.querySelector('[data-remaining]')?.textContent ?? '').split(' ')[0].replace(/\D/g, '')) === expected, before - 94);
    expect((await left()) === before - 94, `left ${before} → ${await left()}`);

    // The household has the food now: found again without asking Open Food Facts.
    const hh = await householdId(page);
    const again = await call(page, 'POST', `/api/households/${hh}/nutrition/foods/barcode`, { barcode: '3366321052331' });
    expect(again.status === 200 && again.body.household === true, `again: ${again.status}`);
    expect(lookups() === asked + 2, 'Open Food Facts was asked again for a known barcode');
  });
}
