// Bank import preview: a DKB export read without options, a line matched to an entry typed by hand, income labelled
// with the bank's sign, and the user's edits (untick, category, add the income) in the running total and the commit.
export default function ({ test, expect, s, call, shot, householdId, zurichDay, PHONE, DESKTOP }) {
  test('expenses: the import preview is editable and links a line to the entry typed by hand', async () => {
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    await page.goto(`${s.base}/expenses#import`);
    const hid = await householdId(page);
    const base = `/api/households/${hid}/expenses`;
    const today = zurichDay();
    const [y, m, d] = today.split('-');
    const typed = await call(page, 'POST', `${base}/entries`, { date: today, amountCents: 8740, title: 'Velo Shop' });
    expect(typed.status === 201, `typing the entry answered ${typed.status}`);
    const csv = '"Buchungsdatum";"Zahlungsempfänger*in";"Verwendungszweck";"Betrag (€)"\n'
      + `"${d}.${m}.${y}";"Velo Shop Müller AG";"Reparatur";"-87,40"\n`
      + `"${d}.${m}.${y}";"Papeterie Kunz";"Hefte";"-12,30"\n`
      + `"${d}.${m}.${y}";"Apotheke Zentrum";"";"-25,90"\n`
      + `"${d}.${m}.${y}";"Krankenkasse";"Rückerstattung";"60,00"\n`;
    await page.locator('#import-file').setInputFiles({ name: 'dkb-umsaetze.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('[data-panel="import-preview"]');
    await preview.waitFor();
    const statuses = await preview.locator('tbody tr[data-status]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(JSON.stringify(statuses) === JSON.stringify(['matched', 'new', 'new', 'skipped']), `preview statuses ${statuses}`);

    const match = await preview.locator('[data-match="entry"]').textContent();
    expect(match.includes(`matches your entry of ${d}.${m}`) || match.includes(`matches your entry of ${d}/${m}`), `match text: ${match}`);
    const income = preview.locator('tr[data-line="5"]');
    expect((await income.locator('.status').textContent()) === 'income', 'the money in is not labelled income');
    expect((await income.locator('[data-amount]').textContent()).trim().startsWith('+'), 'the money in does not show the bank\'s plus sign');
    const visible = await preview.textContent();
    expect(!/includeCredits|dateColumn|amountColumn/.test(visible), 'the preview shows API parameter names');
    const total = () => page.getAttribute('[data-running-total]', 'data-running-total');
    expect((await total()) === '3820', `running total at first ${await total()}`);

    await page.getByRole('checkbox', { name: /Import line 3/ }).uncheck();
    await page.locator('[data-running-total="2590"]').waitFor();
    const category = page.getByRole('combobox', { name: 'Category for line 4' });
    const option = await category.locator('option').nth(1);
    const [categoryId, categoryName] = [await option.getAttribute('value'), (await option.textContent()).trim()];
    await category.selectOption(categoryId);
    await preview.locator('tr[data-line="4"] [data-category]', { hasText: categoryName }).waitFor();
    await page.getByRole('checkbox', { name: /Import line 5/ }).check();
    await page.locator('[data-running-total="-3410"]').waitFor();
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      await page.setViewportSize(viewport);
      await shot(page, `${label}-expenses-import-preview-edited`);
    }
    await page.setViewportSize(PHONE);

    await page.getByRole('button', { name: 'Import 2 new lines, link 1 line' }).click();
    await page.locator('.notice-success .import-counts[data-created="2"][data-matched="1"]').waitFor();
    const entries = (await call(page, 'GET', `${base}/entries?from=${today}&to=${today}&pageSize=200`)).body.items;
    const titled = (t) => entries.filter((e) => e.title === t);
    expect(titled('Velo Shop').length === 1 && titled('Velo Shop Müller AG').length === 0, 'the matched line was added a second time');
    expect(titled('Papeterie Kunz').length === 0, 'the unticked line was imported');
    expect(titled('Apotheke Zentrum')[0]?.categoryId === categoryId, 'the chosen category was not stored');
    expect(titled('Krankenkasse')[0]?.amountCents === -6000, 'the money in was not added as a refund');

    // Leave the household as it was for the scenarios after this one.
    const imports = (await call(page, 'GET', `${base}/imports`)).body.items;
    const mine = imports.find((i) => i.fileName === 'dkb-umsaetze.csv');
    expect((await call(page, 'DELETE', `${base}/imports/${mine.id}`)).status === 204, 'undo failed');
    expect((await call(page, 'DELETE', `${base}/entries/${typed.body.id}`)).status === 204, 'deleting the typed entry failed');
  });
}
