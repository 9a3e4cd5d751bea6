// Expenses on a desktop (the entries table, settings side navigation, undo) and the fast add form on a phone.
export default function ({ test, expect, s, call, shot, householdId, zurichDay, PHONE, DESKTOP }) {
  const MONTH = '2031-03';
  const base = async (page) => `/api/households/${await householdId(page)}/expenses`;
  const categoryId = async (page, name) => (await call(page, 'GET', `${await base(page)}/categories`)).body.find((c) => c.name === name).id;
  const find = async (page, title) => (await call(page, 'GET', `${await base(page)}/entries?month=${MONTH}&q=${encodeURIComponent(title)}`)).body.items.find((e) => e.title === title);
  const rowTitles = (page) => page.$$eval('table.entries-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-entry')));

  async function openTable(page) {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${s.base}/expenses#entries`);
    await page.locator('input[name=filterMonth]').waitFor();
    await page.fill('input[name=filterMonth]', MONTH);
    await page.locator('table.entries-table tr[data-entry="Desk Alpha"]').waitFor();
  }

  test('expenses on a desktop: a table with server-side sort, inline category, multi-select move and split entries', async () => {
    const page = s.adaPage;
    const api = await base(page);
    const groceries = await categoryId(page, 'Groceries');
    const restaurants = await categoryId(page, 'Restaurants');
    for (const [date, amountCents, title, category] of [['2031-03-03', 3000, 'Desk Alpha', groceries], ['2031-03-05', 500, 'Desk Bravo', null], ['2031-03-04', 12000, 'Desk Charlie', restaurants]]) {
      const r = await call(page, 'POST', `${api}/entries`, { date, amountCents, title, categoryId: category });
      expect(r.status === 201, `create ${title}: ${r.status}`);
    }
    const split = await call(page, 'POST', `${api}/entries`, {
      date: '2031-03-02', amountCents: 5000, title: 'Desk Split', parts: [{ categoryId: groceries, amountCents: 2000 }, { categoryId: restaurants, amountCents: 3000 }],
    });
    expect(split.status === 201, `create the split: ${split.status} ${JSON.stringify(split.body)}`);

    await openTable(page);
    expect(JSON.stringify(await rowTitles(page)) === JSON.stringify(['Desk Bravo', 'Desk Charlie', 'Desk Alpha', 'Desk Split']), `newest first: ${await rowTitles(page)}`);
    expect(await page.locator('main.page').evaluate((m) => m.getBoundingClientRect().width > 900), 'the desktop page does not use the width');
    await page.locator('tr[data-entry="Desk Split"] [data-split="2"]').waitFor();

    // Sort by amount (largest first, then smallest first), then by title: the server orders, the table shows it.
    await page.click('th button[data-sort="amount"]');
    await page.locator('th[aria-sort="descending"] button[data-sort="amount"]').waitFor();
    await page.waitForFunction(() => document.querySelector('table.entries-table tbody tr')?.getAttribute('data-entry') === 'Desk Charlie');
    expect(JSON.stringify(await rowTitles(page)) === JSON.stringify(['Desk Charlie', 'Desk Split', 'Desk Alpha', 'Desk Bravo']), `amount desc: ${await rowTitles(page)}`);
    await page.click('th button[data-sort="amount"]');
    await page.locator('th[aria-sort="ascending"] button[data-sort="amount"]').waitFor();
    await page.waitForFunction(() => document.querySelector('table.entries-table tbody tr')?.getAttribute('data-entry') === 'Desk Bravo');
    expect(JSON.stringify(await rowTitles(page)) === JSON.stringify(['Desk Bravo', 'Desk Alpha', 'Desk Split', 'Desk Charlie']), `amount asc: ${await rowTitles(page)}`);
    await page.click('th button[data-sort="title"]');
    await page.locator('th[aria-sort="ascending"] button[data-sort="title"]').waitFor();
    await page.waitForFunction(() => document.querySelector('table.entries-table tbody tr')?.getAttribute('data-entry') === 'Desk Alpha');
    expect(JSON.stringify(await rowTitles(page)) === JSON.stringify(['Desk Alpha', 'Desk Bravo', 'Desk Charlie', 'Desk Split']), `title asc: ${await rowTitles(page)}`);

    // Change a category in the row.
    const saved = page.waitForResponse((r) => r.url().endsWith('/entries/bulk') && r.status() === 200);
    await page.getByRole('combobox', { name: 'Category of Desk Bravo' }).selectOption({ label: 'Travel' });
    await saved;
    expect((await find(page, 'Desk Bravo')).categoryName === 'Travel', 'the inline category was not saved');

    // Select two rows and move them together.
    await page.getByRole('checkbox', { name: 'Select Desk Alpha' }).check();
    await page.getByRole('checkbox', { name: 'Select Desk Bravo' }).check();
    await page.locator('.bulk-bar', { hasText: '2 selected' }).waitFor();
    await shot(page, 'desktop-expenses-entries-selected');
    await page.selectOption('#bulk-category', { label: 'Housing' });
    const moved = page.waitForResponse((r) => r.url().endsWith('/entries/bulk') && r.status() === 200);
    await page.locator('.bulk-bar').getByRole('button', { name: 'Move' }).click();
    await moved;
    await page.locator('.bulk-bar').waitFor({ state: 'detached' });
    for (const t of ['Desk Alpha', 'Desk Bravo']) expect((await find(page, t)).categoryName === 'Housing', `${t} was not moved`);
    expect((await find(page, 'Desk Charlie')).categoryName === 'Restaurants', 'an unselected row moved');
    await page.locator('tr[data-entry="Desk Alpha"] select').evaluate((el) => el.selectedOptions[0].text).then((t) => expect(t === 'Housing', `row shows ${t}`));
    await shot(page, 'desktop-expenses-entries-table');

    // The settings get a side navigation: one section at a time.
    await page.goto(`${s.base}/expenses#settings`);
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    await nav.waitFor();
    await page.locator('[data-allocation]').waitFor();
    await nav.getByRole('button', { name: 'Rules' }).click();
    await page.locator('[data-section="rules"]').waitFor();
    expect(await page.locator('[data-allocation]').count() === 0, 'the budget section is still shown beside the rules');
    const [navBox, contentBox] = [await nav.boundingBox(), await page.locator('[data-section="rules"]').boundingBox()];
    expect(navBox.x + navBox.width <= contentBox.x && Math.abs(navBox.y - contentBox.y) < 40, `the navigation is not beside the content: ${JSON.stringify([navBox, contentBox])}`);
    await shot(page, 'desktop-expenses-settings-nav');
    await page.setViewportSize(PHONE);
  });

  test('expenses: deleting shows an undo snackbar instead of a confirm box; undo keeps the entries, otherwise they go', async () => {
    const page = s.adaPage;
    let dialogs = 0;
    const onDialog = () => { dialogs++; };
    page.on('dialog', onDialog);
    try {
      await openTable(page);
      await page.getByRole('checkbox', { name: 'Select Desk Alpha' }).check();
      await page.getByRole('checkbox', { name: 'Select Desk Bravo' }).check();
      await page.locator('.bulk-bar').getByRole('button', { name: 'Delete 2' }).click();
      const bar = page.locator('.snackbar[role=status]', { hasText: 'Deleted 2 entries.' });
      await bar.waitFor();
      await page.locator('tr[data-entry="Desk Alpha"]').waitFor({ state: 'detached' });
      await shot(page, 'desktop-expenses-undo-snackbar');
      await bar.getByRole('button', { name: 'Undo' }).click();
      await bar.waitFor({ state: 'detached' });
      await page.locator('tr[data-entry="Desk Alpha"]').waitFor();
      await page.waitForTimeout(8500);
      expect(await find(page, 'Desk Alpha') && await find(page, 'Desk Bravo'), 'an undone delete still deleted');

      await page.getByRole('button', { name: 'Delete Desk Charlie' }).click();
      const one = page.locator('.snackbar', { hasText: 'Deleted "Desk Charlie"' });
      await one.waitFor();
      expect(await find(page, 'Desk Charlie'), 'deleted before the undo time was over');
      await one.waitFor({ state: 'detached', timeout: 12_000 });
      await page.waitForResponse((r) => r.url().includes('/entries/') && r.request().method() === 'DELETE', { timeout: 3000 }).catch(() => {});
      await page.waitForTimeout(300);
      expect(!(await find(page, 'Desk Charlie')), 'the delete did not happen after the undo time');
      expect(dialogs === 0, `the browser showed ${dialogs} dialog(s)`);

      // A delete refused after its panel closed (the month was closed meanwhile; another tab opened at once) is said
      // above the tabs, and the entry stays.
      await page.getByRole('button', { name: 'Delete Desk Alpha' }).click();
      await page.locator('.snackbar', { hasText: 'Deleted "Desk Alpha"' }).waitFor();
      const api = await base(page);
      expect((await call(page, 'POST', `${api}/months/${MONTH}/close`)).status === 200, 'closing the month failed');
      try {
        await page.locator('nav.tabs').getByRole('link', { name: 'Settings' }).click();
        await page.locator('.notice-error', { hasText: `The entry was not deleted: Month closed. The month ${MONTH} is closed. Reopen it to change it. It is still there.` }).waitFor();
        await shot(page, 'desktop-expenses-delete-refused');
      } finally {
        expect((await call(page, 'POST', `${api}/months/${MONTH}/open`)).status === 200, 'reopening the month failed');
      }
      expect(await find(page, 'Desk Alpha'), 'the refused delete lost the entry');
    } finally {
      page.off('dialog', onDialog);
      await page.setViewportSize(PHONE);
    }
  });

  test('expenses: ticked bills stay in place, struck through', async () => {
    const page = s.adaPage;
    const api = await base(page);
    const added = await call(page, 'POST', `${api}/checklist`, { title: 'Desk Water', amountCents: 4000, dueDay: 2 });
    expect(added.status === 201, `checklist: ${added.status}`);
    try {
      await page.setViewportSize(PHONE);
      await page.goto(`${s.base}/expenses#month`);
      await page.locator('[data-obligation="Desk Water"]').waitFor();
      const order = () => page.$$eval('[data-obligation]', (els) => els.map((e) => e.getAttribute('data-obligation')));
      const before = await order();
      const first = before[0];
      expect(before.length >= 2, `bills: ${before}`);
      await page.getByRole('button', { name: `Pay ${first}`, exact: true }).click();
      await page.locator(`[data-obligation="${first}"][data-status="done"]`).waitFor();
      await page.locator('[data-panel="obligations"]:not([aria-busy="true"])').waitFor();
      expect(JSON.stringify(await order()) === JSON.stringify(before), `the ticked bill moved: ${before} → ${await order()}`);
      const style = await page.locator(`[data-obligation="${first}"] .title`).evaluate((el) => getComputedStyle(el).textDecorationLine);
      expect(style.includes('line-through'), `not struck through: ${style}`);
      await shot(page, 'phone-expenses-ticked-in-place');
      await page.getByRole('button', { name: `Paid ${first}: undo`, exact: true }).click();
      await page.locator(`[data-obligation="${first}"][data-status="pending"]`).waitFor();
    } finally {
      await call(page, 'DELETE', `${api}/checklist/${added.body.id}`);
    }
  });

  test('expenses on a phone: save and add another leaves the keypad ready, payee, category and date on the first screen', async () => {
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    await page.goto(`${s.base}/expenses#add`);
    await page.reload();
    await page.locator('.keypad').waitFor();
    await page.locator('.chips').waitFor().catch(() => {});
    const visible = async (when) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      // The bottom navigation covers the last 64 px of the screen.
      const bottom = await page.evaluate(() => document.querySelector('.bottomnav')?.getBoundingClientRect().top ?? innerHeight);
      for (const sel of ['.amount-display', 'input[name=title]', '#entry-category', 'input[name=date]']) {
        const box = await page.locator(sel).boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= bottom, `${when}: ${sel} is not on the first screen above the navigation at ${bottom} (${JSON.stringify(box)})`);
      }
    };
    await visible('on opening');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('amount-display')), 'the keypad is not focused on opening');
    await page.keyboard.type('450');
    await page.fill('input[name=title]', 'Desk Kiosk');
    await page.selectOption('#entry-category', { label: 'Groceries' });
    await page.getByRole('button', { name: 'Save and add another' }).click();
    await page.locator('.saved-line', { hasText: 'Desk Kiosk' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('amount-display')), 'the keypad is not focused after saving');
    expect((await page.getAttribute('.amount-display', 'data-cents')) === '0', 'the amount was not cleared');
    expect((await page.inputValue('input[name=title]')) === '', 'the payee was not cleared');
    await visible('after saving');
    await shot(page, 'phone-expenses-add-another');
    await page.keyboard.type('275');
    expect((await page.getAttribute('.amount-display', 'data-cents')) === '275', 'typing after saving did not go to the amount');
    await page.fill('input[name=title]', 'Desk Kiosk two');
    await page.getByRole('button', { name: 'Save and add another' }).click();
    await page.locator('.saved-line', { hasText: 'Desk Kiosk two' }).waitFor();
    const api = await base(page);
    const today = zurichDay();
    const mine = (await call(page, 'GET', `${api}/entries?q=Desk%20Kiosk&pageSize=10`)).body.items;
    expect(mine.length === 2 && mine.some((e) => e.amountCents === 450 && e.categoryName === 'Groceries') && mine.some((e) => e.amountCents === 275 && e.categoryId === null),
      `saved: ${JSON.stringify(mine.map((e) => [e.title, e.amountCents, e.categoryName, e.date]))} (today ${today})`);
    // Leave the month as it was for the scenarios after this one.
    const removed = await call(page, 'POST', `${api}/entries/bulk`, { ids: mine.map((e) => e.id), action: 'delete' });
    expect(removed.status === 200 && removed.body.changed === 2, `cleanup: ${JSON.stringify(removed)}`);
  });
}
