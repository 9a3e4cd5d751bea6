// Dashboards: a product and a key made on the key screen, points pushed with that key from outside the browser,
// and a widget built in the editor that shows them (and changes with the next push). Also the JavaScript a dashboard
// page loads, which must stay under 150 kB gzip.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export default function ({ test, expect, s, call, shot, newContext, householdId, metrics, PHONE, DESKTOP, scriptBytes }) {
  const METRIC = 'e2e.visitors';
  const state = { key: null, dashboardId: null };

  /** Sends points as a script would: from outside the browser, with the key only (no session cookie). */
  const ingest = async (key, points) => {
    const r = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ points }) });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
  const numberValue = async (page) => {
    const widget = page.locator('[data-widget-kind="number"][data-state="ready"]').first();
    await widget.waitFor();
    return Number(await widget.locator('[data-value]').getAttribute('data-value'));
  };

  test('dashboards: a key made on the key screen sends points, and a widget built in the editor shows them', async () => {
    const page = s.adaPage; // signed in, in the shared household "Maple Street" (an owner)
    await page.setViewportSize(PHONE);
    const hh = await householdId(page);

    // The first visit creates "Household at a glance" from the template.
    await page.goto(`${s.base}/dashboards`);
    await page.locator('[data-panel="dashboard"][data-state="ready"]').waitFor();
    const listed = (await call(page, 'GET', `/api/households/${hh}/dashboards`)).body;
    expect(listed.some((d) => d.name === 'Household at a glance'), `dashboards ${JSON.stringify(listed)}`);

    // Products and keys: a product, then a key; the secret is shown once and the snippets carry it.
    await page.goto(`${s.base}/dashboards#keys`);
    await page.locator('[data-panel="products"][data-state="ready"]').waitFor();
    await page.fill('input[name=productName]', 'E2E sensors');
    await page.getByRole('button', { name: 'Create product' }).click();
    const product = page.locator('[data-panel="product"]', { hasText: 'E2E sensors' });
    await product.waitFor();
    await product.locator('input[name=name]').fill('e2e script');
    await product.getByRole('button', { name: 'Create key' }).click();
    const secret = page.locator('input[name=secret]');
    await secret.waitFor();
    state.key = await secret.inputValue();
    expect(/^tsk_[a-z2-7]{39}$/.test(state.key), `the secret looks like ${state.key.slice(0, 8)}…`);
    const telegraf = await page.locator('[data-snippet="telegraf"] textarea').inputValue();
    expect(telegraf.includes(`token = "${state.key}"`) && telegraf.includes('content_encoding = "identity"') && telegraf.includes(`urls = ["${s.base}"]`), `telegraf snippet:\n${telegraf}`);
    await page.locator('[data-snippet="home-assistant"] summary').click();
    await shot(page, 'phone-dashboards-keys');

    const first = await ingest(state.key, [{ metric: METRIC, value: 5, tags: { page: 'home' } }]);
    expect(first.status === 202 && first.body.accepted === 1, `ingest ${first.status} ${JSON.stringify(first.body)}`);

    // The editor: a new blank dashboard with one number widget over today.
    await page.goto(`${s.base}/dashboards#edit`);
    await page.locator('[data-panel="dashboards"]').waitFor();
    await page.fill('.dash-new input[name=name]', 'E2E traffic');
    await page.selectOption('.dash-new select[name=template]', 'blank');
    await page.getByRole('button', { name: 'Create dashboard' }).click();
    await page.locator('.notice-success', { hasText: 'Dashboard “E2E traffic” created.' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-panel="editor"] input[name=name]')?.value === 'E2E traffic');
    await page.getByRole('button', { name: 'Add a widget' }).click();
    const form = page.locator('.widget-editor');
    await form.locator('input[name=title]').fill('Visitors today');
    await form.locator('input[name=metric]').fill(METRIC);
    await form.locator('select[name=kind]').selectOption('number');
    await form.locator('select[name=range]').selectOption('today');
    await form.locator('select[name=width]').selectOption('2');
    // The live preview already shows the pushed point.
    await page.locator('[data-preview="true"][data-state="ready"] [data-value="5"]').waitFor();
    await shot(page, 'phone-dashboards-editor');
    await page.getByRole('button', { name: 'Add a widget' }).click();
    await form.locator('input[name=title]').fill('Visitors per hour');
    await form.locator('input[name=metric]').fill(METRIC);
    await form.locator('select[name=kind]').selectOption('bar');
    await form.locator('select[name=bucket]').selectOption('hour');
    await form.locator('select[name=range]').selectOption('today');
    await form.locator('select[name=groupBy]').selectOption('page');
    await form.locator('select[name=width]').selectOption('4');
    await page.getByRole('button', { name: 'Save dashboard' }).click();
    await page.locator('.notice-success', { hasText: 'Dashboard saved.' }).waitFor();
    state.dashboardId = new URL(page.url()).searchParams.get('dashboard');
    const stored = (await call(page, 'GET', `/api/households/${hh}/dashboards/${state.dashboardId}`)).body;
    expect(stored.widgets.map((w) => `${w.kind}:${w.query.metric}:${w.query.range}`).join() === `number:${METRIC}:today,bar:${METRIC}:today`, `stored ${JSON.stringify(stored.widgets)}`);

    // The dashboard shows 5, and after the next push 12.
    await page.goto(`${s.base}/dashboards?dashboard=${state.dashboardId}#view`);
    expect((await numberValue(page)) === 5, 'the number widget does not show the first point');
    await page.locator('[data-widget-kind="bar"][data-state="ready"] canvas').waitFor();
    const second = await ingest(state.key, [{ metric: METRIC, value: 7, tags: { page: 'shop' } }]);
    expect(second.status === 202 && second.body.accepted === 1, `second ingest ${second.status}`);
    await page.reload();
    expect((await numberValue(page)) === 12, 'the number widget did not follow the second point');
    const groups = await page.$$eval('[data-widget-kind="bar"] thead th', (ths) => ths.map((th) => th.textContent));
    expect(JSON.stringify(groups) === JSON.stringify(['Time', 'home', 'shop']), `bar groups ${groups}`);

    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      await page.setViewportSize(viewport);
      await page.goto(`${s.base}/dashboards?dashboard=${state.dashboardId}#view`);
      await page.locator('[data-widget-kind="bar"][data-state="ready"] canvas').waitFor();
      await numberValue(page);
      await shot(page, `${label}-dashboards-view`);
      const glance = listed.find((d) => d.name === 'Household at a glance');
      if (glance) {
        await page.goto(`${s.base}/dashboards?dashboard=${glance.id}#view`);
        await page.locator('[data-panel="dashboard"][data-state="ready"]').waitFor();
        await page.waitForFunction(() => [...document.querySelectorAll('[data-widget-kind]')].every((w) => w.getAttribute('data-state') !== 'loading'));
        await shot(page, `${label}-dashboards-glance`);
      }
    }
    // On a desktop the two widgets share a row (2 + 4 columns wrap: the bar is full width below).
    await page.setViewportSize(DESKTOP);
    await page.goto(`${s.base}/dashboards?dashboard=${state.dashboardId}#view`);
    await page.locator('[data-widget-kind="bar"][data-state="ready"] canvas').waitFor();
    const widths = await page.$$eval('[data-widget-kind]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(widths[1] > widths[0] * 1.8, `widget widths on a desktop ${widths}`);
    await page.setViewportSize(PHONE);
  });

  test('dashboards: cold load of a dashboard page loads under 150 kB of JavaScript (gzip)', async () => {
    expect(state.dashboardId, 'no dashboard from the test before');
    const cookies = (await s.ada.storageState()).cookies;
    const context = await newContext(PHONE, { cookies, origins: [] });
    const page = await context.newPage();
    const scripts = new Set();
    page.on('response', (r) => { if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname); });
    const started = Date.now();
    await page.goto(`${s.base}/dashboards?dashboard=${state.dashboardId}#view`);
    await page.locator('[data-widget-kind="bar"][data-state="ready"] canvas').waitFor();
    await page.locator('[data-widget-kind="number"][data-state="ready"]').waitFor();
    const wall = Date.now() - started;
    const { raw, gz } = scriptBytes(scripts);
    metrics.dashboardJsGzipBytes = gz;
    metrics.dashboardReadyWallMs = wall;
    console.log(`  metric: JavaScript loaded by a dashboard page: ${(gz / 1024).toFixed(1)} kB gzip (${(raw / 1024).toFixed(1)} kB raw, ${scripts.size} files), charts drawn in ${wall} ms wall`);
    expect(scripts.size > 0, 'no script was loaded');
    expect(gz < 150 * 1024, `a dashboard page loads ${(gz / 1024).toFixed(1)} kB gzip of JavaScript (limit 150 kB)`);
    await context.close();
  });

  test('dashboards: AWS costs imported on the key screen show on a "What TrackStack costs" dashboard', async () => {
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    // Cost Explorer's "Download CSV" layout (tests/fixtures/aws-costs/cost-explorer-by-service.csv), dated today so
    // the "Cost this month" number counts it.
    const today = new Date().toISOString().slice(0, 10);
    const csv = 'Service,Amazon Elastic Compute Cloud($),Amazon Simple Storage Service($),Tax($),Total costs($)\n'
      + 'Service total,1.25,0.5,0.25,2\n' + `${today},1.25,0.5,0.25,2\n`;
    await page.goto(`${s.base}/dashboards#keys`);
    const card = page.locator('[data-panel="aws-costs"]');
    await card.locator('#aws-costs-file').setInputFiles({ name: 'costs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await card.getByRole('button', { name: 'Import costs' }).click();
    await card.locator('[data-imported-days="1"][data-imported-total="2"]').waitFor();
    // A file in no AWS layout is refused in plain words naming the columns expected.
    await card.locator('#aws-costs-file').setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('when,what\n1,2\n') });
    await card.getByRole('button', { name: 'Import costs' }).click();
    await card.locator('.notice', { hasText: 'lineItem/UnblendedCost' }).waitFor();

    await page.goto(`${s.base}/dashboards#edit`);
    await page.locator('[data-panel="dashboards"]').waitFor();
    await page.fill('.dash-new input[name=name]', 'E2E costs');
    await page.selectOption('.dash-new select[name=template]', 'what-trackstack-costs');
    await page.getByRole('button', { name: 'Create dashboard' }).click();
    await page.locator('.notice-success', { hasText: 'Dashboard “E2E costs” created.' }).waitFor();
    const hh = await householdId(page);
    const created = (await call(page, 'GET', `/api/households/${hh}/dashboards`)).body.find((d) => d.name === 'E2E costs');
    await page.goto(`${s.base}/dashboards?dashboard=${created.id}#view`);
    const value = await numberValue(page);
    expect(Math.abs(value - 2) < 1e-9, `"Cost this month" shows ${value}`);
    await page.locator('[data-widget-kind="bar"][data-state="ready"]').first().waitFor();
    await shot(page, 'phone-dashboards-aws-costs');
  });

  test('dashboards: an e-mail report is scheduled with its next three sends shown, previewed in the browser, and without SMTP "send me a preview" says why', async () => {
    expect(state.dashboardId, 'no dashboard from the test before');
    const page = s.adaPage;
    await page.setViewportSize(PHONE);
    const hh = await householdId(page);
    await page.goto(`${s.base}/dashboards#reports`);
    await page.locator('[data-panel="schedules"][data-state="ready"]').waitFor();
    const editor = page.locator('[data-panel="schedule-editor"]');
    await editor.locator('input[name=name]').fill('Weekly traffic');
    await editor.locator('select[name=dashboardId]').selectOption(state.dashboardId);
    await editor.locator('select[name=frequency]').selectOption('weekly');
    await editor.locator('select[name=weekday]').selectOption('5');
    await editor.locator('input[name=sendAt]').fill('07:30');
    // An outside address: kept, and waiting for an invitation this server cannot send (no SMTP).
    await editor.locator('input[name=guests]').fill('Landlord@Example.net');
    // The next sends, as the server computes them in the household's zone, follow the choices before saving.
    await shot(page, 'phone-dashboards-report-editor');
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-next-sends="ready"] li')].map((li) => li.textContent);
      return items.length === 3 && items.every((x) => x.includes('07:30'));
    }, null, { timeout: 5000 }).catch(() => {});
    const sends = await page.locator('[data-next-sends] li').allTextContents();
    expect(sends.length === 3 && sends.every((x) => x.includes('07:30')), `next sends shown: ${JSON.stringify(sends)}`);
    await editor.getByRole('button', { name: 'Schedule report' }).click();
    await page.locator('.notice-success', { hasText: '“Weekly traffic” is scheduled.' }).waitFor();
    await page.locator('[data-schedule="Weekly traffic"] [data-next-send]').waitFor();
    await page.setViewportSize(DESKTOP);
    await shot(page, 'desktop-dashboards-reports');
    await page.setViewportSize(PHONE);
    const stored = (await call(page, 'GET', `/api/households/${hh}/reports/schedules`)).body.find((x) => x.name === 'Weekly traffic');
    expect(stored && stored.frequency === 'weekly' && stored.weekday === 5 && stored.sendAt === '07:30' && stored.period === 'week' && stored.nextSends.length === 3,
      `stored ${JSON.stringify(stored)}`);
    expect(stored.guests.length === 1 && stored.guests[0].email === 'landlord@example.net' && stored.guests[0].status === 'not-invited',
      `guests ${JSON.stringify(stored.guests)}`);
    await page.locator('[data-schedule="Weekly traffic"]', { hasText: '+1 outside' }).waitFor();

    // This server has no SMTP: the preview by e-mail says so instead of pretending.
    await page.locator('[data-schedule="Weekly traffic"]').getByRole('button', { name: 'Send me a preview' }).click();
    await page.locator('.notice-error', { hasText: 'E-mail is not set up on this server.' }).waitFor();

    // The browser preview is the e-mail's HTML with the charts inline, over last week (the same weekday a week ago
    // is always in it): visits from 06:00 to 18:00 UTC that day.
    const day = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const lastWeek = await ingest(state.key, Array.from({ length: 13 }, (_, i) => ({
      metric: METRIC, value: 3 + ((i * 7) % 11), timestamp: `${day}T${String(6 + i).padStart(2, '0')}:10:00Z`, tags: { page: i % 3 ? 'home' : 'pricing' },
    })));
    expect(lastWeek.status === 202 && lastWeek.body.accepted === 13, `ingest ${lastWeek.status} ${JSON.stringify(lastWeek.body)}`);
    const preview = await page.context().newPage();
    try {
      await preview.setViewportSize(DESKTOP);
      await preview.goto(`${s.base}/api/households/${hh}/reports/schedules/${stored.id}/preview`);
      await preview.locator('h1', { hasText: 'Weekly traffic' }).waitFor();
      const images = await preview.locator('img[src^="data:image/png;base64,"]').count();
      expect(images >= 1, `the preview shows ${images} charts`);
      const natural = await preview.locator('img').first().evaluate((img) => img.complete && img.naturalWidth);
      expect(natural === 1200, `the chart is ${natural} px wide`);
      await shot(preview, 'desktop-report-preview');
    } finally {
      await preview.close();
    }
  });

  test('dashboards: axe-core finds no serious or critical violation on the dashboard, editor, reports and key screens', async () => {
    expect(state.dashboardId, 'no dashboard from the test before');
    const page = s.adaPage;
    const screens = [
      [`/dashboards?dashboard=${state.dashboardId}#view`, '[data-widget-kind="bar"][data-state="ready"] canvas'],
      [`/dashboards?dashboard=${state.dashboardId}#edit`, '[data-panel="editor"]', async () => page.getByRole('button', { name: 'Edit “Visitors per hour”' }).click()],
      ['/dashboards#keys', '[data-panel="product"]'],
      ['/dashboards#reports', '[data-schedule="Weekly traffic"]'],
    ];
    const found = [];
    try {
      for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
        for (const [path, ready, then] of screens) {
          await page.setViewportSize(viewport);
          await page.goto(`${s.base}${path}`);
          await page.locator(ready).first().waitFor();
          if (then) { await then(); await page.locator('[data-preview="true"]:not([data-state="loading"])').waitFor(); }
          if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }));
          for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
            found.push(`${label} ${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          }
        }
      }
    } finally {
      await page.setViewportSize(PHONE);
    }
    console.log(`  metric: axe-core on ${screens.length * 2} dashboards page views: ${found.length} serious or critical violations`);
    expect(found.length === 0, found.join('\n'));
  });

  test('dashboards: a key revoked on the key screen is refused on its next request', async () => {
    expect(state.key, 'no key from the test before');
    const page = s.adaPage;
    await page.goto(`${s.base}/dashboards#keys`);
    const product = page.locator('[data-panel="product"]', { hasText: 'E2E sensors' });
    await product.getByRole('button', { name: 'Revoke the key “e2e script”' }).click();
    await page.locator('.notice-success', { hasText: 'Key “e2e script” revoked.' }).waitFor();
    const refused = await ingest(state.key, [{ metric: METRIC, value: 1 }]);
    expect(refused.status === 401, `a revoked key got ${refused.status}`);
  });
}
