import { fileURLToPath } from 'node:url';

// Nutrition: a meal logged from search, then again from the recent chip, and the home card follows.
export default function ({ test, expect, s, call, shot, householdId, zurichDay, PHONE, DESKTOP }) {
  test('nutrition: log a meal from search and from a recent chip; the home card shows what is left', async () => {
    const page = s.adaPage; // signed in, in the shared household "Maple Street"
    await page.goto(`${s.base}/nutrition#log`);
    await page.locator('[data-panel="day"][data-state="ready"]').waitFor();
    const before = (await page.textContent('[data-remaining]')) ?? '';
    // Figures in the household's number format (Maple Street is de-CH: 2’300).
    expect(/^[\d’'.,]+ kcal left, [\d’'.,]+ g protein to go$/.test(before), `the day leads with "${before}"`);
    const leftBefore = Number(before.split(' ')[0].replace(/\D/g, ''));
    const swiss = (n) => new Intl.NumberFormat('de-CH').format(n);

    await page.fill('input[name=foodSearch]', 'egg');
    const first = page.locator('[data-list="foods"] [data-food]').first();
    await first.waitFor();
    expect((await first.getAttribute('data-food')) === 'sr28:01123', 'the generic egg is not the first match for "egg"');
    await first.click();
    await page.fill('input[name=grams]', '100');
    await shot(page, 'phone-nutrition-log-egg');
    await page.locator('[data-form="log"] button[type=submit]').click();
    await page.locator('.notice-success', { hasText: 'Egg, whole, raw, fresh logged.' }).waitFor();
    await page.locator('[data-meal]', { hasText: 'Egg, whole, raw, fresh' }).first().waitFor();
    await page.locator('[data-remaining]', { hasText: `${swiss(leftBefore - 143)} kcal left` }).waitFor();

    // Tomorrow's one tap: the egg is a recent chip now.
    await page.locator('[data-chips="recent"] .chip', { hasText: 'Egg, whole, raw, fresh' }).click();
    await page.locator('[data-form="log"] button[type=submit]').click();
    await page.locator('[data-remaining]', { hasText: `${swiss(leftBefore - 286)} kcal left` }).waitFor();

    await page.goto(`${s.base}/`);
    const card = page.locator('[data-module="nutrition"][data-state="ready"]');
    await card.waitFor();
    const kcal = ((await card.locator('[data-stat="kcal"] .stat-value').textContent()) ?? '').replace(/[^\d]/g, '');
    expect(kcal === String(leftBefore - 286), `the home card says ${kcal} kcal left, not ${leftBefore - 286}`);
  });

  test('nutrition: log by typing a sentence (unmatched words shown), copy yesterday\'s lunch, the week view', async () => {
    const page = s.adaPage;
    const api = `/api/households/${await householdId(page)}/nutrition`;
    const soup = await call(page, 'POST', `${api}/log`, { id: crypto.randomUUID(), date: zurichDay(-1), meal: 'lunch', label: 'Yesterday soup', kcal: 321, protein: 12 });
    expect(soup.status === 201, `log yesterday: ${soup.status}`);
    await page.goto(`${s.base}/nutrition#log`);
    await page.locator('[data-panel="day"][data-state="ready"]').waitFor();

    await page.fill('input[name=sentence]', '2 eggs, a slice of wholemeal toast and 200 ml milk and 3 blorpfruits');
    await page.locator('[data-form="sentence"] button[type=submit]').click();
    await page.locator('[data-proposal="3"]').waitFor();
    expect((await page.locator('[data-proposal]').count()) === 4, 'four phrases, four proposed items');
    expect(((await page.textContent('[data-proposal="0"] [data-food-name]')) ?? '').startsWith('Egg, whole'), 'the eggs are not the generic egg');
    expect(((await page.textContent('[data-proposal="1"] [data-food-name]')) ?? '').startsWith('Bread, whole-wheat'), 'the toast is not whole-wheat bread');
    expect((await page.inputValue('input[name="grams-0"]')) === '88', `two medium eggs are ${await page.inputValue('input[name="grams-0"]')} g, not 88`);
    expect(((await page.textContent('[data-proposal="3"] [data-unmatched]')) ?? '').includes('blorpfruits'), 'the unknown word is not shown');
    expect(!(await page.isChecked('input[name="include-3"]')), 'an unmatched item is ticked to be logged');
    await shot(page, 'phone-nutrition-sentence');
    await page.locator('[data-form="proposals"] button[type=submit]').click();
    await page.locator('.notice-success', { hasText: '3 items logged.' }).waitFor();
    await page.locator('[data-meal] li', { hasText: 'Bread, whole-wheat' }).first().waitFor();

    await page.selectOption('select[name=copyWhat]', 'lunch');
    await page.locator('[data-form="copy"] button[type=submit]').click();
    await page.locator('.notice-success', { hasText: '1 copied to today.' }).waitFor();
    await page.locator('[data-meal="lunch"] li', { hasText: 'Yesterday soup' }).waitFor();

    await page.goto(`${s.base}/nutrition#week`);
    await page.locator('[data-panel="week"][data-state="ready"]').waitFor();
    const today = page.locator(`[data-table="week"] tr[data-day="${zurichDay()}"]`);
    expect(Number(await today.getAttribute('data-entries')) >= 5, 'today in the week has not the entries logged');
    expect(Number(await page.getAttribute('[data-streak]', 'data-streak')) >= 2, 'yesterday and today are not a streak of two');
    await page.locator('[data-averages]').waitFor();
    await shot(page, 'phone-nutrition-week');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'desktop-nutrition-week');
    await page.setViewportSize(PHONE);
  });

  test('nutrition: the recipe editor parses lines as typed, links the best match or leaves a line unlinked, saves, edits and exports JSON-LD', async () => {
    const page = s.adaPage;
    await page.goto(`${s.base}/nutrition#recipes`);
    await page.locator('[data-panel="recipes"][data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'New recipe' }).click();
    await page.fill('input[name=title]', 'Browser omelette');
    await page.fill('input[name=servings]', '2');
    await page.fill('input[name=totalGrams]', '300');
    await page.fill('textarea[name=ingredients]', '3 eggs, beaten\n100 ml milk\n1 pinch zzzsalt');
    await page.fill('textarea[name=steps]', 'Beat the eggs with the milk.\nCook gently.');
    await page.locator('[data-list="parsed"] [data-line="0"][data-linked="sr28:01123"]').waitFor();
    await page.locator('[data-list="parsed"] [data-line="2"][data-linked=""]').waitFor();
    expect(((await page.textContent('[data-line="1"] [data-link]')) ?? '').includes('Milk'), 'the milk line has no milk suggested');
    // The cook unlinks the eggs, then links them again by searching.
    await page.locator('[data-line="0"]').getByRole('button', { name: 'Unlink' }).click();
    await page.locator('[data-list="parsed"] [data-line="0"][data-linked=""]').waitFor();
    await page.locator('[data-line="0"]').getByRole('button', { name: 'Link a food' }).click();
    await page.fill('input[name="link-0"]', 'egg whole raw');
    await page.locator('[data-picker="link-0"] [data-food="sr28:01123"]').click();
    await page.locator('[data-list="parsed"] [data-line="0"][data-linked="sr28:01123"]').waitFor();
    await shot(page, 'phone-nutrition-recipe-editor');
    await page.locator('[data-form="recipe"] button[type=submit]').click();
    const recipe = page.locator('[data-panel="recipe"]');
    await recipe.locator('h2, .card-title', { hasText: 'Browser omelette' }).first().waitFor();
    expect((await recipe.locator('li[data-status="counted"]').count()) === 2, 'two lines are not counted');
    expect((await recipe.locator('li[data-status="unlinked"]').count()) === 1, 'the unknown line is not left unlinked');
    await recipe.locator('[data-cooked]').waitFor();

    const href = await page.getAttribute('[data-export]', 'href');
    const ld = await page.evaluate(async (url) => { const r = await fetch(url); return { type: r.headers.get('content-type'), body: await r.json() }; }, href);
    expect(ld.type.startsWith('application/ld+json') && ld.body['@type'] === 'Recipe' && ld.body.name === 'Browser omelette', `the export is ${JSON.stringify(ld).slice(0, 200)}`);
    expect(ld.body.recipeIngredient.length === 3 && /kcal$/.test(ld.body.nutrition.calories), 'the export lacks ingredients or nutrition');

    await recipe.getByRole('button', { name: 'Edit' }).click();
    await page.locator('[data-panel="editor"] input[name=title]').waitFor();
    expect((await page.inputValue('input[name=title]')) === 'Browser omelette', 'the editor did not open the recipe');
    await page.locator('[data-list="parsed"] [data-line="0"][data-linked="sr28:01123"]').waitFor();
    await page.fill('input[name=servings]', '3');
    // A photo from the phone: 2000 × 1000 px with EXIF orientation 6 and a GPS position; previewed before saving.
    await page.locator('[data-panel="editor"] input[name=photo]').setInputFiles(fileURLToPath(new URL('../../../tests/fixtures/nutrition/recipe-photo-gps.jpg', import.meta.url)));
    await page.locator('[data-photo-field="set"] img[data-photo-preview]').waitFor();
    await page.locator('[data-form="recipe"] button[type=submit]').click();
    await page.locator('[data-panel="recipe"] [data-servings]', { hasText: '3 servings' }).waitFor();
    expect((await page.locator('[data-panel="recipe"] li[data-status="counted"]').count()) === 2, 'the edit lost a link');
    const img = page.locator('[data-panel="recipe"] img.recipe-photo');
    await img.waitFor();
    expect((await img.getAttribute('loading')) === 'lazy', 'the recipe photo is not lazy');
    expect((await img.getAttribute('width')) === '800' && (await img.getAttribute('height')) === '1600', `the photo keeps room for ${await img.getAttribute('width')} × ${await img.getAttribute('height')}, not the upright 800 × 1600`);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => { const i = document.querySelector('[data-panel="recipe"] img.recipe-photo'); return i && i.complete && i.naturalWidth > 0; });
    const natural = await img.evaluate((i) => [i.naturalWidth, i.naturalHeight]);
    expect(natural[0] === 800 && natural[1] === 1600, `the served photo is ${natural.join(' × ')}`);
    await page.setViewportSize(DESKTOP);
    await shot(page, 'desktop-nutrition-recipe');
    await page.setViewportSize(PHONE);
  });
}
