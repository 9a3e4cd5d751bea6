// E-mail digests on the profile: a member turns on the weekly heating digest of the shared household, the server
// keeps the choice (and its next send), and turns it off again; phone screenshot of the card.
export default function ({ test, expect, s, call, shot, householdId, settled, PHONE }) {
  test('profile: a member turns a digest on and off, and the server keeps the choice with its next send', async () => {
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    const hh = await householdId(page);
    await page.goto(`${s.base}/profile`);
    const box = page.locator(`[data-digests="${hh}"] [data-digest="heating-week"] input[type=checkbox]`);
    await box.waitFor();
    expect(!(await box.isChecked()), 'the heating digest is on before anyone chose it');
    await box.click(); // the box follows the server: it turns once the choice is saved
    await page.waitForFunction((sel) => { const b = document.querySelector(sel); return b && b.checked && !b.disabled; },
      `[data-digests="${hh}"] [data-digest="heating-week"] input[type=checkbox]`);
    const mine = async () => (await call(page, 'GET', `/api/households/${hh}/reports/digests/me`)).body;
    let heating = (await mine()).find((d) => d.kind === 'heating-week');
    expect(heating.enabled && heating.nextSend, `stored ${JSON.stringify(heating)}`);
    await page.locator(`[data-digests="${hh}"]`).scrollIntoViewIfNeeded();
    await shot(page, 'phone-profile-digests');
    await box.click();
    await page.waitForFunction((sel) => { const b = document.querySelector(sel); return b && !b.checked && !b.disabled; },
      `[data-digests="${hh}"] [data-digest="heating-week"] input[type=checkbox]`);
    heating = (await mine()).find((d) => d.kind === 'heating-week');
    expect(!heating.enabled, `still on: ${JSON.stringify(heating)}`);
  });
}
