// Alerts: an admin creates a threshold rule on a metric with data on Dashboards → Alerts, sees the server's complaint
// next to the webhook field, tests the rule, sees it fire (the host evaluates every 2 s here) with its current value
// and history, and a webhook receiver on 127.0.0.1 gets the signed POST, checked with the secret shown once. A viewer
// sees the same list read-only. axe-core on the tab; phone and desktop screenshots.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const hook = { url: '', received: [] };

/** A webhook receiver for the rules of this scenario, and a quick evaluation schedule so a rule fires within seconds. */
export async function hostEnv() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      hook.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  hook.url = `http://127.0.0.1:${server.address().port}/trackstack-alert`;
  // The receiver is on this machine, which webhooks may reach only when the operator allows it.
  return { TrackStack__Metrics__AlertEvaluationSeconds: '2', TrackStack__Metrics__AllowPrivateWebhookAddresses: 'true' };
}

export default function ({ test, expect, s, call, shot, householdId, settled, householdSelect, bobEmail, withBobAs, PHONE, DESKTOP }) {
  const METRIC = 'e2e.freezer.temp';
  const RULE = 'Freezer too warm';
  const state = { secret: null, ruleId: null };

  const ingest = async (key, points) => {
    const r = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ points }) });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
  const row = (page) => page.locator(`[data-alert="${RULE}"]`);

  test('alerts: an admin creates a threshold rule, sees the server’s field error, tests it, and sees it fire with its value and history', async () => {
    const page = s.adaPage; // the owner of "Maple Street"
    await page.setViewportSize(PHONE);
    const hh = await householdId(page);
    // A product and a key, and two readings of the freezer: the highest of the last hour is -8.
    const product = await call(page, 'POST', `/api/households/${hh}/metrics/products`, { name: 'E2E freezer', description: null, retentionDays: null });
    expect(product.status === 201, `product ${product.status} ${JSON.stringify(product.body)}`);
    const key = await call(page, 'POST', `/api/households/${hh}/metrics/products/${product.body.id}/keys`, { name: 'e2e freezer', scopes: ['ingest'], expiresAt: null });
    expect(key.status === 201, `key ${key.status} ${JSON.stringify(key.body)}`);
    const pushed = await ingest(key.body.secret, [{ metric: METRIC, value: -19 }, { metric: METRIC, value: -8 }]);
    expect(pushed.status === 202 && pushed.body.accepted === 2, `ingest ${pushed.status} ${JSON.stringify(pushed.body)}`);

    await page.goto(`${s.base}/dashboards#alerts`);
    await page.locator('[data-panel="alerts"][data-state="ready"]').waitFor();
    const editor = page.locator('[data-panel="alert-editor"]');
    await editor.locator('input[name=name]').fill(RULE);
    await editor.locator('input[name=metric]').fill(METRIC);
    await editor.locator('select[name=kind]').selectOption('above');
    await editor.locator('select[name=agg]').selectOption('max');
    await editor.locator('input[name=threshold]').fill('-12.5');
    await editor.locator('input[name=window]').fill('1');
    await editor.locator('select[name=windowUnit]').selectOption('h');
    // Plain http to another host is refused by the server; its words show next to the field.
    await editor.locator('input[name=webhookUrl]').fill('http://hooks.example.org/alert');
    await editor.getByRole('button', { name: 'Create rule' }).click();
    await editor.locator('input[name=webhookUrl] ~ .field-error', { hasText: 'https' }).waitFor();
    expect(await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'webhookUrl', null, { timeout: 3000 }).then(() => true, () => false),
      'focus did not move to the webhook field');
    await shot(page, 'phone-alerts-field-error');
    await editor.locator('input[name=webhookUrl]').fill(hook.url);
    await editor.getByRole('button', { name: 'Create rule' }).click();
    await page.locator('.notice-success', { hasText: `Alert rule “${RULE}” created.` }).waitFor();

    // The webhook secret is shown this once.
    const secret = page.locator('[data-panel="alert-secret"] input[name=webhookSecret]');
    await secret.waitFor();
    state.secret = await secret.inputValue();
    expect(state.secret.length >= 32, `the secret looks like ${state.secret.slice(0, 6)}…`);
    const stored = (await call(page, 'GET', `/api/households/${hh}/metrics/alerts`)).body.items.find((r) => r.name === RULE);
    expect(stored && stored.kind === 'above' && stored.agg === 'max' && stored.threshold === -12.5 && stored.window === '1h' && stored.webhookUrl === hook.url
      && stored.notifyUserIds.length === 1, `stored ${JSON.stringify(stored)}`);
    state.ruleId = stored.id;
    const words = await row(page).locator('[data-condition-words]').textContent();
    expect(words.startsWith(`Highest of ${METRIC} over the last hour above -12.5`), `condition in words: ${words}`);

    // Test now: the value the server sees and what the next check does.
    await row(page).getByRole('button', { name: `Test now: “${RULE}”` }).click();
    const result = row(page).locator('[data-test-result]');
    await result.waitFor();
    expect((await result.getAttribute('data-value')) === '-8' && (await result.getAttribute('data-condition')) === 'true', `test: ${await result.textContent()}`);
    expect(/Current value: -8/.test(await result.textContent()), `test shows ${await result.textContent()}`);

    // Within a few evaluations it fires: the list says since when and shows the value it read.
    let firing = false;
    for (let i = 0; i < 60 && !firing; i++) {
      firing = (await call(page, 'GET', `/api/households/${hh}/metrics/alerts/${state.ruleId}`)).body?.state === 'firing';
      if (!firing) await new Promise((r) => setTimeout(r, 500));
    }
    expect(firing, 'the rule did not fire within 30 s');
    await page.reload();
    await row(page).locator('[data-alert-state="firing"]', { hasText: 'Firing since' }).waitFor();
    expect((await row(page).locator('[data-alert-value]').getAttribute('data-alert-value')) === '-8', 'the list does not show the current value -8');
    await row(page).getByRole('button', { name: `History of “${RULE}”` }).click();
    await row(page).locator('[data-history-for][data-state="ready"] [data-firing="open"] [data-fire-value="-8"]').waitFor();
    await row(page).getByRole('button', { name: `Test now: “${RULE}”` }).click();
    await row(page).locator('[data-test-result="staysFiring"]').waitFor();
    await row(page).scrollIntoViewIfNeeded();
    await shot(page, 'phone-alerts');
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'desktop-alerts');
    await page.setViewportSize(PHONE);

    // The webhook got one signed POST: HMAC-SHA256 of the raw body with the secret shown once.
    for (let i = 0; i < 40 && !hook.received.length; i++) await new Promise((r) => setTimeout(r, 250));
    const call1 = hook.received[0];
    expect(call1, 'the webhook was not called');
    const expected = `sha256=${createHmac('sha256', state.secret).update(call1.body).digest('hex')}`;
    expect(call1.headers['x-trackstack-signature'] === expected, `signature ${call1.headers['x-trackstack-signature']} ≠ ${expected}`);
    expect(JSON.parse(call1.body).event === 'fired', `webhook body ${call1.body}`);
  });

  test('alerts: the editor changes a rule, and its kind-specific fields follow the kind', async () => {
    expect(state.ruleId, 'no rule from the test before');
    const page = s.adaPage;
    await page.goto(`${s.base}/dashboards#alerts`);
    await row(page).getByRole('button', { name: `Change “${RULE}”` }).click();
    const editor = page.locator(`[data-panel="alert-editor"][data-editing="${state.ruleId}"]`);
    await editor.waitFor();
    expect((await editor.locator('input[name=threshold]').inputValue()) === '-12.5', 'the threshold is not filled in');
    // A spike asks for its bucket, baseline and k instead of a threshold; k = 0 is the server's to refuse.
    await editor.locator('select[name=kind]').selectOption('spike');
    expect(await editor.locator('input[name=threshold]').count() === 0, 'a spike rule shows a threshold');
    await editor.locator('input[name=deviations]').fill('0');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await editor.locator('input[name=deviations] ~ .field-error').waitFor();
    await editor.locator('select[name=kind]').scrollIntoViewIfNeeded();
    await shot(page, 'phone-alerts-editor-spike');
    await page.setViewportSize(DESKTOP);
    await editor.locator('select[name=kind]').scrollIntoViewIfNeeded();
    await shot(page, 'desktop-alerts-editor-spike');
    await page.setViewportSize(PHONE);
    await editor.locator('select[name=kind]').selectOption('above');
    await editor.locator('input[name=threshold]').fill('0');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page.locator('.notice-success', { hasText: `Alert rule “${RULE}” saved.` }).waitFor();
    await row(page).locator('[data-condition-words]', { hasText: 'above 0' }).waitFor();

    // Offline: the tab shows the rules as last fetched, and a save says it could not go out, keeping what was typed.
    await s.ada.setOffline(true);
    try {
      await page.getByRole('link', { name: 'E-mail reports', exact: true }).click();
      await page.getByRole('link', { name: 'Alerts', exact: true }).click();
      await page.locator('.stale-reads', { hasText: 'as of' }).waitFor();
      await row(page).locator('[data-condition-words]', { hasText: 'above 0' }).waitFor();
      await row(page).getByRole('button', { name: `Change “${RULE}”` }).click();
      const offlineEditor = page.locator(`[data-panel="alert-editor"][data-editing="${state.ruleId}"]`);
      await offlineEditor.locator('[data-offline-note]').waitFor();
      await offlineEditor.locator('input[name=threshold]').fill('1');
      await offlineEditor.getByRole('button', { name: 'Save rule' }).click();
      await offlineEditor.locator('.notice-error', { hasText: 'offline' }).waitFor();
      expect((await offlineEditor.locator('input[name=threshold]').inputValue()) === '1', 'the typed threshold was lost');
      await shot(page, 'phone-alerts-offline');
    } finally {
      await s.ada.setOffline(false);
    }
    await page.locator('[data-panel="alert-editor"]').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-panel="alert-editor"][data-editing="new"]').waitFor();
  });

  test('alerts: a viewer sees the rules, their state and history, without anything to change or test', async () => {
    expect(state.ruleId, 'no rule from the test before');
    await withBobAs('viewer', async (bob, hh) => {
      await bob.goto(`${s.base}/dashboards#alerts`);
      await bob.locator('[data-panel="alerts"][data-state="ready"]').waitFor();
      await row(bob).waitFor();
      await bob.locator('[data-read-only]', { hasText: 'Owners and admins change alert rules' }).waitFor();
      for (const name of ['Change', 'Delete', 'Test now']) {
        expect(await row(bob).getByRole('button', { name, exact: false }).count() === 0, `a viewer is offered "${name}"`);
      }
      expect(await bob.locator('[data-panel="alert-editor"]').count() === 0, 'a viewer sees the editor');
      await row(bob).getByRole('button', { name: `History of “${RULE}”` }).click();
      await row(bob).locator('[data-history-for][data-state="ready"] [data-firing]').first().waitFor();
      // The server agrees: a viewer's change is refused.
      const refused = await call(bob, 'DELETE', `/api/households/${hh}/metrics/alerts/${state.ruleId}`);
      expect(refused.status === 403, `a viewer's delete got ${refused.status}`);
      await shot(bob, 'phone-alerts-viewer');
    });
  });

  test('alerts: axe-core finds no serious or critical violation on the alerts tab (list, history, test, editor)', async () => {
    expect(state.ruleId, 'no rule from the test before');
    const page = s.adaPage;
    const found = [];
    try {
      for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
        await page.setViewportSize(viewport);
        // Another viewport, the same page loaded afresh (a goto to the same address with a hash would not reload it).
        await page.goto(`${s.base}/dashboards#alerts`);
        await page.reload();
        await row(page).waitFor();
        await row(page).getByRole('button', { name: `History of “${RULE}”` }).click();
        await row(page).locator('[data-history-for][data-state="ready"]').waitFor();
        await row(page).getByRole('button', { name: `Test now: “${RULE}”` }).click();
        await row(page).locator('[data-test-result]').waitFor();
        if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }));
        for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
      }
    } finally {
      await page.setViewportSize(PHONE);
    }
    console.log(`  metric: axe-core on 2 alerts page views: ${found.length} serious or critical violations`);
    expect(found.length === 0, found.join('\n'));
  });

  test('alerts: deleting a rule asks first, then it and its history are gone', async () => {
    expect(state.ruleId, 'no rule from the test before');
    const page = s.adaPage;
    const hh = await householdId(page);
    await page.goto(`${s.base}/dashboards#alerts`);
    const asked = page.waitForEvent('dialog'); // the kit accepts every dialog
    await row(page).getByRole('button', { name: `Delete “${RULE}”` }).click();
    expect((await asked).message().includes(RULE), 'no confirmation was asked');
    await page.locator('.notice-success', { hasText: `Alert rule “${RULE}” deleted.` }).waitFor();
    await row(page).waitFor({ state: 'detached' });
    expect((await call(page, 'GET', `/api/households/${hh}/metrics/alerts/${state.ruleId}`)).status === 404, 'the rule is still there');
  });
}
