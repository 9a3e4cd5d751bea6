// Figures that read right: a de-DE household types and sees its own number format, the heating analysis period can be
// chosen, and a temperature file that does not overlap the refills says so before it is imported.
export default function ({ test, expect, s, call, shot, newContext, signUp, zurichDay, PHONE, DESKTOP }) {
  const email = `greta-${Date.now()}@example.org`;

  test('figures: a de-DE household types "3.800,00" and sees it in its own format, with English words', async () => {
    s.greta = await newContext();
    const page = (s.gretaPage = await s.greta.newPage());
    await page.goto(`${s.base}/sign-up`);
    await signUp(page, 'Greta', email);
    await page.waitForURL(`${s.base}/`);
    await page.goto(`${s.base}/households`);
    await page.fill('input[name=name]', 'Kastanienweg');
    await page.fill('input[name=currency]', 'eur');
    await page.fill('input[name=locale]', 'de-DE');
    await page.fill('input[name=timeZone]', 'Europe/Berlin');
    await page.click('button[type=submit]');
    await page.waitForURL(`${s.base}/household`);

    await page.goto(`${s.base}/expenses`);
    await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
    const monthLabel = (await page.textContent('.month-label')) ?? '';
    const english = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date());
    expect(monthLabel === english, `the month is named "${monthLabel}", not "${english}" (English UI)`);
    await page.locator('summary', { hasText: "Change this month's income" }).click();
    await page.fill('input[name=monthIncome]', '3.800,00');
    await page.getByRole('button', { name: 'Save income' }).click();
    await page.locator('.notice-success', { hasText: 'Income for this month saved.' }).waitFor();
    await page.locator('[data-remaining-cents="380000"]').waitFor();
    const big = ((await page.textContent('[data-remaining-cents]')) ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(big === '3.800,00 €', `the remaining amount reads "${big}", not "3.800,00 €"`);
    const typed = await page.inputValue('input[name=monthIncome]');
    expect(typed === '3.800,00', `the income field shows "${typed}", not "3.800,00"`);
    // A whole amount typed without separators is shown back in the household's format when the field is left.
    await page.fill('input[name=monthIncome]', '4200');
    await page.locator('input[name=monthIncome]').blur();
    expect((await page.inputValue('input[name=monthIncome]')) === '4.200,00', 'the field did not reformat 4200 as 4.200,00');
    await page.locator('[data-module="expenses"]').first().scrollIntoViewIfNeeded();
    await shot(page, 'phone-figures-de-DE-income');
  });

  test('figures: a temperature file that misses the refills says so before importing, and the analysis period can be chosen', async () => {
    const page = s.gretaPage;
    const hh = (await call(page, 'GET', '/api/households')).body.find((h) => h.name === 'Kastanienweg').id;
    const base = `/api/households/${hh}/heating`;
    const csv = (rows) => ({ name: 'temps.csv', mimeType: 'text/csv', buffer: Buffer.from(`date,mean\n${rows.map(([d, t]) => `${d},${t}`).join('\n')}\n`) });
    const old = csv([['2015-01-01', 3], ['2015-01-02', 4]]);
    const recent = csv(Array.from({ length: 12 }, (_, i) => [zurichDay(-12 + i), 5]));
    const check = async (file) => {
      await page.setInputFiles('#temp-file', file);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('.temp-preview').waitFor();
    };

    await page.goto(`${s.base}/heating#temperatures`);
    await page.locator('#temp-file').waitFor();
    await check(old);
    await page.locator('[data-overlap="no-refills"]').waitFor();

    for (const [days, quantity] of [[-40, 10], [-30, 8], [-20, 9], [-10, 7]]) {
      const r = await call(page, 'POST', `${base}/refills`, { id: crypto.randomUUID(), date: zurichDay(days), quantity, meterReading: null, note: null });
      expect(r.status === 201, `refill ${r.status}`);
    }
    await page.reload();
    await page.locator('#temp-file').waitFor();
    await check(old);
    const none = page.locator('[data-overlap="none"]');
    await none.waitFor();
    expect(/None of these days/.test((await none.textContent()) ?? ''), 'the no-overlap warning does not say why');
    await page.locator('.temp-preview').scrollIntoViewIfNeeded();
    await shot(page, 'phone-figures-temperatures-no-overlap');
    await check(recent);
    await page.locator('[data-overlap="12"]').waitFor();
    await page.getByRole('button', { name: 'Import 12 days' }).click();
    await page.locator('text=Temperatures imported').waitFor();

    await page.goto(`${s.base}/heating#overview`);
    await page.locator('[data-panel="period"] [data-period-range="all"]').waitFor();
    const asked = page.waitForRequest((r) => r.url().includes('/heating/analysis?') && r.url().includes('from=') && r.url().includes('to='));
    await page.getByRole('radio', { name: 'Last 12 months' }).check();
    const url = new URL((await asked).url());
    const from = url.searchParams.get('from'), to = url.searchParams.get('to');
    expect(to === zurichDay(0) && from === zurichDay(-364), `last 12 months asked for ${from} – ${to}`);
    await page.locator(`[data-period-range="${from}/${to}"]`).waitFor();
    await page.getByRole('radio', { name: 'Custom dates' }).check();
    await page.fill('input[name=periodFrom]', zurichDay(-30));
    await page.fill('input[name=periodTo]', zurichDay(-10));
    await page.getByRole('button', { name: 'Show this period' }).click();
    await page.locator(`[data-period-range="${zurichDay(-30)}/${zurichDay(-10)}"]`).waitFor();
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      await page.setViewportSize(viewport);
      await page.locator('[data-panel="period"]').scrollIntoViewIfNeeded();
      await shot(page, `${label}-figures-heating-period`);
    }
    await page.setViewportSize(PHONE);
    await page.locator('[data-table="monthly"]').waitFor();
    expect((await page.locator('[data-table="monthly"] [data-mean-temperature="5"]').count()) > 0, 'no month shows the 5 °C mean of the uploaded days');
    await page.locator('[data-table="monthly"]').scrollIntoViewIfNeeded();
    await shot(page, 'phone-figures-heating-monthly');
    await s.greta.close();
  });
}
