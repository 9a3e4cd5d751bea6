// Offline: nothing typed offline is lost silently (a refused replay waits in "needs attention"), and screens read
// from the device ("as of HH:MM") when the network is away, refreshing by themselves when it is back.

export default function ({ test, expect, s, call, shot, householdId, zurichDay, PHONE, DESKTOP }) {
  /** Calls the API from outside the page (the browser context's cookies, not its offline network). */
  const serverCall = async (method, path) => {
    const xsrf = (await s.ada.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    const r = await s.ada.request.fetch(`${s.base}${path}`, { method, headers: xsrf ? { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } : {} });
    return { status: r.status(), body: await r.json().catch(() => null) };
  };

  test('offline: an expense for a month closed meanwhile waits in "needs attention" with the reason, is fixed, and is stored once', async () => {
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    const hh = await householdId(page);
    const today = zurichDay(0);
    // Last month: closing it does not get in the way of the tests that add expenses today.
    const [y, m] = today.split('-').map(Number);
    const last = new Date(Date.UTC(y, m - 2, 1));
    const lastMonth = last.toISOString().slice(0, 7);
    const lastDay = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
    const title = `Late bakery ${Date.now() % 100000}`;
    const find = async () => (await call(page, 'GET', `/api/households/${hh}/expenses/entries?q=${encodeURIComponent(title)}`)).body;

    await page.goto(`${s.base}/expenses#add`);
    await page.locator('.keypad').waitFor();
    await s.ada.setOffline(true);
    try {
      for (const k of ['4', '2', '0']) await page.click(`.key[data-key="${k}"]`);
      await page.fill('input[name=title]', title);
      await page.fill('input[name=date]', lastDay);
      await page.getByRole('button', { name: 'Save expense' }).click();
      await page.locator('.notice-success', { hasText: 'Saved on this device' }).waitFor();
      await page.locator('.sync-status', { hasText: '1 to sync' }).waitFor();
      // Meanwhile someone closes last month on the server.
      const closed = await serverCall('POST', `/api/households/${hh}/expenses/months/${lastMonth}/close`);
      expect(closed.status === 200, `closing ${lastMonth} answered ${closed.status}`);
    } finally {
      await s.ada.setOffline(false);
    }
    try {
      const item = page.locator('[data-needs-attention] [data-queued-id]', { hasText: title });
      await item.waitFor();
      const reason = await item.locator('[data-reason]').textContent();
      expect(/closed/i.test(reason ?? ''), `the reason shown is "${reason}"`);
      await page.locator('.sync-status', { hasText: '1 not saved' }).waitFor();
      expect((await find()).total === 0, 'the refused expense was stored');
      await shot(page, 'phone-offline-needs-attention');

      // It survives a reload (IndexedDB), and is not sent again by itself.
      await page.reload();
      await item.waitFor();
      expect((await find()).total === 0, 'a reload sent the refused expense again');

      // "Reopen" links to the closed month itself on the month sheet (not the current one), named in English.
      const monthName = new Date(`${lastMonth}-15T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const hint = item.locator('.attention-hint');
      expect((await hint.textContent()).includes(`Or reopen ${monthName} in Expenses`), `the hint says "${await hint.textContent()}"`);
      await hint.getByRole('link', { name: 'Expenses' }).click();
      await page.waitForURL((u) => u.pathname === '/expenses' && u.searchParams.get('month') === lastMonth);
      await page.locator('.month-label', { hasText: monthName }).waitFor();
      await page.getByRole('button', { name: 'Reopen month' }).waitFor();
      await item.waitFor();

      // Discard asks in the page first; "Keep it" keeps it.
      await item.getByRole('button', { name: 'Discard…' }).click();
      await item.getByRole('alertdialog').waitFor();
      await shot(page, 'phone-offline-discard-confirm');
      await item.getByRole('button', { name: 'Keep it' }).click();
      await item.getByRole('alertdialog').waitFor({ state: 'detached' });

      // Fix: today's date, send again.
      await item.getByLabel('Date').fill(today);
      await item.getByRole('button', { name: 'Save with this date' }).click();
      await page.locator('[data-needs-attention] .notice-success', { hasText: 'is saved now' }).waitFor();
      await item.waitFor({ state: 'detached' });
      await page.locator('.sync-status').waitFor({ state: 'detached' });
      const stored = await find();
      expect(stored.total === 1, `expected the fixed expense once, found ${stored.total}`);
      expect(stored.items[0].date === today && stored.items[0].amountCents === 420, `stored ${JSON.stringify(stored.items[0])}`);
      // Another trigger sends nothing again.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForTimeout(300);
      expect((await find()).total === 1, 'stored twice');
    } finally {
      await serverCall('POST', `/api/households/${hh}/expenses/months/${lastMonth}/open`);
    }
  });

  test('offline: a reload of the month sheet shows the last bills "as of", and it refreshes by itself when back online', async () => {
    const page = s.adaPage;
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      await page.setViewportSize(viewport);
      await page.goto(`${s.base}/expenses#month`);
      await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
      const bills = page.locator('[data-panel="obligations"] li');
      await bills.first().waitFor();
      const billsOnline = await bills.count();
      await s.ada.setOffline(true);
      try {
        await page.reload();
        await page.locator('.stale-reads', { hasText: 'as of' }).waitFor();
        await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
        await bills.first().waitFor();
        expect((await bills.count()) === billsOnline, `offline shows ${await bills.count()} bills, online ${billsOnline}`);
        expect(!(await page.locator('[data-panel="obligations"]').textContent()).includes('Nothing to tick'), 'says "Nothing to tick" with bills');
        const asOf = await page.locator('.stale-reads').textContent();
        expect(/as of \d{1,2}:\d{2}/.test(asOf ?? ''), `as of text: ${asOf}`);
        await shot(page, `${label}-expenses-month-offline-cached`);
        // A month this device never loaded: the error, then the month by itself once online (no "Try again").
        if (label === 'phone') {
          await page.getByRole('button', { name: 'Next month' }).click();
          await page.locator('.notice-error', { hasText: /offline/i }).waitFor();
        }
      } finally {
        await s.ada.setOffline(false);
      }
      await page.locator('.stale-reads').waitFor({ state: 'detached' });
      await page.locator('.notice-error').waitFor({ state: 'detached' });
      await page.locator('[data-remaining-cents]').first().waitFor();
    }
    await page.setViewportSize(PHONE);
  });
}
