// Nutrition: a meal logged from search, then again from the recent chip, and the home card follows.
export default function ({ test, expect, s, shot }) {
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
}
