// Training: gym mode works offline from start to finish, and a workout finished without a connection is stored
// once when the connection returns.

export default function ({ test, expect, s, call, shot, householdId, PHONE, DESKTOP }) {
  /** Calls the API from outside the page (the browser context's cookies, not its offline network). */
  const serverCall = async (method, path) => {
    const xsrf = (await s.ada.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    const r = await s.ada.request.fetch(`${s.base}${path}`, { method, headers: xsrf ? { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } : {} });
    return { status: r.status(), body: await r.json().catch(() => null) };
  };

  test('training: a workout logged offline in gym mode is stored once when the connection returns', async () => {
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    const hh = await householdId(page);
    const workouts = async () => (await serverCall('GET', `/api/households/${hh}/training/workouts`)).body;
    const before = (await workouts()).total;

    await page.goto(`${s.base}/`);
    await page.locator('[data-module="training"][data-state="ready"]').waitFor();
    await page.click('[data-module="training"] a[aria-label="Open Training"]');
    await page.locator('[data-panel="start"]').waitFor();
    await page.getByRole('button', { name: 'Start an empty workout' }).click();
    await page.getByRole('button', { name: 'Add exercise' }).click();
    await page.fill('input[name=exerciseSearch]', 'bench barbell');
    await page.getByRole('button', { name: 'Bench Press (Barbell)', exact: true }).click();
    await page.locator('[data-current-exercise]', { hasText: 'Bench Press (Barbell)' }).waitFor();

    await s.ada.setOffline(true);
    try {
      await page.fill('input[name=weight]', '60');
      await page.fill('input[name=reps]', '8');
      for (let i = 1; i <= 3; i++) {
        await page.locator('[data-current-set]', { hasText: `Set ${i} of` }).waitFor();
        await page.getByRole('button', { name: 'Complete set' }).click();
        await page.locator('[role=timer]').waitFor();
        if (i === 1) await shot(page, 'phone-training-gym-rest');
        await page.getByRole('button', { name: 'Skip rest' }).click();
      }
      await page.locator('[data-done-count="3"]').waitFor();
      await page.getByRole('button', { name: 'Finish workout' }).click();
      await page.locator('.notice-success', { hasText: 'Saved on this device' }).waitFor();
      await page.locator('.sync-status', { hasText: '1 to sync' }).waitFor();
      expect((await workouts()).total === before, 'the workout reached the server while offline');
    } finally {
      await s.ada.setOffline(false);
    }
    await page.locator('.sync-status').waitFor({ state: 'detached' });
    const stored = await workouts();
    expect(stored.total === before + 1, `expected one new workout, found ${stored.total - before}`);
    const latest = stored.items[0];
    expect(latest.setCount === 3 && latest.volumeKg === 3 * 60 * 8, `stored ${JSON.stringify(latest)}`);
    // Another trigger sends nothing again.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(300);
    expect((await workouts()).total === before + 1, 'the workout was stored twice');
    const records = (await call(page, 'GET', `/api/households/${hh}/training/records`)).body;
    expect(records.items.some((r) => r.exerciseName === 'Bench Press (Barbell)' && r.heaviestWeight.value === 60), `records ${JSON.stringify(records.items)}`);

    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      await page.setViewportSize(viewport);
      await page.goto(`${s.base}/training#history`);
      await page.locator('[data-panel="records"][data-state="ready"]').waitFor();
      await shot(page, `${label}-training-history`);
      await page.goto(`${s.base}/training#gym`);
      await page.locator('[data-panel="start"]').waitFor();
      await shot(page, `${label}-training-gym`);
    }
    await page.setViewportSize(PHONE);
  });
}
