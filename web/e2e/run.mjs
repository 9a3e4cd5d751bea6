#!/usr/bin/env node
// End-to-end tests in headless Chromium (playwright-core, the system /usr/bin/chromium) against the real host
// built in Release, serving the built shell, on a fresh data dir and a free port (started and stopped by PID).
//
//   node e2e/run.mjs [--result FILE] [--screenshots DIR]     run everything
//   node e2e/run.mjs --skip "reason" [--result FILE]         record every test as skipped (no browser here)
//   node e2e/run.mjs --only 80,85 [...]                       the tests here and only the scenario files whose
//                                                             names contain one of these (they need the ones here)
//   node e2e/run.mjs --cluster [...]                          against the distributed topology (./trackstack cluster:
//                                                             a process per service behind the gateway) instead of one host
//
// Tests live here and in e2e/scenarios/*.mjs (see the kit below).
//
// The result file is JSON: { passed, failed, skipped, tests: [{ name, status, ms, message }], metrics }.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hostDll, repoRoot, startCluster, startHost } from '../scripts/host.mjs';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(webDir, 'shell/dist');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const resultFile = opt('--result', join(repoRoot, '.test-output/web/e2e.json'));
const shotsDir = opt('--screenshots', join(repoRoot, '.test-output/screenshots'));
const skipReason = opt('--skip', null);
const only = opt('--only', null)?.split(',').filter(Boolean) ?? null;
const clusterMode = args.includes('--cluster');
const CHROMIUM = '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'correct horse battery staple';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const results = [];
const metrics = {};

function writeResults() {
  const count = (s) => results.filter((r) => r.status === s).length;
  mkdirSync(dirname(resultFile), { recursive: true });
  const named = clusterMode ? results.map((r) => ({ ...r, name: `cluster: ${r.name}` })) : results;
  writeFileSync(resultFile, JSON.stringify({ passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests: named, metrics }, null, 2));
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** The built files behind the script paths a page loaded: bytes raw and gzipped at level 9 (what the wire carries). */
function scriptBytes(paths) {
  let raw = 0, gz = 0;
  for (const path of paths) {
    const file = join(dist, path);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario. Tests run in order and share the state below (two users, one shared household).
const s = { base: '', browser: null, ada: null, bob: null, adaPage: null, bobPage: null, acceptUrl: '', problems: [] };
const stamp = Date.now().toString(36);
const adaEmail = `ada.${stamp}@example.org`;
const bobEmail = `bob.${stamp}@example.org`;

async function newContext(viewport = PHONE, storageState) {
  // A dark system: the theme follows it until a test picks one (Playwright's default is light).
  const context = await s.browser.newContext({ viewport, storageState, serviceWorkers: 'allow', locale: 'en-GB', timezoneId: 'Europe/Brussels', colorScheme: 'dark' });
  context.setDefaultTimeout(15_000);
  context.on('page', watch);
  return context;
}

/** Records what must never happen on any page: script errors and CSP violations. */
function watch(page) {
  const log = (page.__log = []);
  const add = (line) => { log.push(`${new Date().toISOString().slice(11, 23)} ${line}`); if (log.length > 60) log.shift(); };
  page.on('console', (m) => add(`console.${m.type()}: ${m.text()}`));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) add(`navigated ${f.url()}`); });
  page.on('requestfailed', (r) => add(`request failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.url().includes('/api/')) add(`${r.request().method()} ${r.url().replace(s.base, '')} ${r.status()}`); });
  page.on('pageerror', (e) => s.problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) s.problems.push(`CSP on ${page.url()}: ${m.text()}`);
  });
  page.on('dialog', (d) => d.accept());
}

async function shot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}

async function signUp(page, name, email) {
  await page.fill('input[name=displayName]', name);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
}

async function signIn(page, email, password = PASSWORD) {
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

const settled = '[data-module="expenses"]:not([data-state="loading"])';
const householdSelect = '.switcher select';

async function currentHouseholdName(page) {
  return page.$eval(householdSelect, (el) => el.options[el.selectedIndex].text);
}

test('sign-up shows what is wrong next to the field', async () => {
  s.ada = await newContext();
  const page = (s.adaPage = await s.ada.newPage());
  await page.goto(`${s.base}/`);
  await page.waitForURL(/\/sign-in$/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.fill('input[name=displayName]', 'Ada');
  await page.fill('input[name=email]', adaEmail);
  await page.fill('input[name=password]', 'short');
  await page.click('button[type=submit]');
  const error = page.locator('input[name=password] ~ .field-error');
  await error.waitFor();
  expect((await page.getAttribute('input[name=password]', 'aria-invalid')) === 'true', 'the password field is not marked invalid');
  const describedBy = await page.getAttribute('input[name=password]', 'aria-describedby');
  expect(describedBy?.includes(await error.getAttribute('id')), 'the error is not linked to the field');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name')) === 'password', 'focus did not move to the field in error');
  await shot(page, 'phone-sign-up-error');
});

test('sign up lands on the home screen with a card per module', async () => {
  const page = s.adaPage;
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${s.base}/`);
  await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
  await page.locator('[data-module="heating"][data-state="ready"]').waitFor();
  expect((await currentHouseholdName(page)) === "Ada's household", 'the personal household is not current');
  await shot(page, 'phone-home');
});

test('cold load: time to an interactive home screen and the shell JavaScript size', async () => {
  const cookies = (await s.ada.storageState()).cookies;
  const context = await newContext(PHONE, { cookies, origins: [] });
  const page = await context.newPage();
  const scripts = new Set();
  page.on('response', (r) => { if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname); });
  const started = Date.now();
  await page.goto(`${s.base}/`);
  const inPage = await page.waitForFunction((sel) => {
    const cards = [...document.querySelectorAll('[data-module]')];
    // One card per registry module; the home screen is ready when none is loading.
    const ready = cards.length > 0 && cards.every((c) => c.getAttribute('data-state') !== 'loading');
    const select = document.querySelector('.switcher select');
    return ready && select && !select.disabled ? performance.now() : false;
  }, settled, { polling: 10 }).then((h) => h.jsonValue());
  const wall = Date.now() - started;
  const { raw, gz } = scriptBytes(scripts);
  metrics.timeToInteractiveHomeMs = Math.round(inPage);
  metrics.timeToInteractiveHomeWallMs = wall;
  metrics.homeScripts = scripts.size;
  metrics.homeJsBytes = raw;
  metrics.homeJsGzipBytes = gz;
  console.log(`  metric: time to an interactive home screen, cold load (no cache, no service worker): ${metrics.timeToInteractiveHomeMs} ms in the page (${wall} ms wall)`);
  console.log(`  metric: shell JavaScript loaded by the home screen: ${(gz / 1024).toFixed(1)} kB gzip (${(raw / 1024).toFixed(1)} kB raw, ${scripts.size} files)`);
  expect(scripts.size > 0, 'no script was loaded');
  await context.close();
});

test('create a household with its own currency and locale, and switch to it', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/households`);
  await page.fill('input[name=name]', 'Maple Street');
  await page.fill('input[name=currency]', 'chf');
  await page.fill('input[name=locale]', 'de-CH');
  await page.fill('input[name=timeZone]', 'Europe/Zurich');
  await page.click('button[type=submit]');
  await page.waitForURL(`${s.base}/household`);
  await page.locator('h1', { hasText: 'Maple Street' }).waitFor();
  expect((await currentHouseholdName(page)) === 'Maple Street', 'the new household is not current');
  expect((await page.inputValue('input[name=currency]')) === 'CHF', 'currency not saved');
  await page.goto(`${s.base}/`);
  await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
  expect((await currentHouseholdName(page)) === 'Maple Street', 'the current household was not remembered');
});

test('household settings show a wrong value next to its field, then save', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/household`);
  await page.fill('input[name=timeZone]', 'Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('input[name=timeZone] ~ .field-error').waitFor();
  await shot(page, 'phone-household-settings-error');
  await page.fill('input[name=timeZone]', 'Europe/Zurich');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('text=Settings saved.').waitFor();
});

test('invite by e-mail: the copyable link, and whether an e-mail went out', async () => {
  const page = s.adaPage;
  await page.fill('form >> input[name=email]', bobEmail);
  await page.selectOption('select[name=role]', 'member');
  await page.getByRole('button', { name: 'Create invite' }).click();
  const result = page.locator('.invite-result');
  await result.waitFor();
  expect((await result.getAttribute('data-email-sent')) === 'false', 'the server has no SMTP, yet the invite claims an e-mail was sent');
  s.acceptUrl = await page.inputValue('#invite-link');
  expect(s.acceptUrl.startsWith(`${s.base}/invite?token=`), `unexpected accept link ${s.acceptUrl}`);
  await page.locator('[aria-label="Pending invitations"] li', { hasText: bobEmail }).waitFor();
  await shot(page, 'phone-household-invite');
});

test('a second user opens the link signed out, signs up and accepts', async () => {
  s.bob = await newContext(PHONE);
  const page = (s.bobPage = await s.bob.newPage());
  await page.goto(s.acceptUrl);
  await page.locator('[data-state="signed-out"]').waitFor();
  await shot(page, 'phone-invite-signed-out');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL(/\/sign-up\?returnUrl=/);
  await signUp(page, 'Bob', bobEmail);
  await page.waitForURL(/\/invite\?token=/);
  await page.locator('h2', { hasText: 'Join Maple Street' }).waitFor();
  await shot(page, 'phone-invite-accept');
  await page.getByRole('button', { name: 'Accept and join' }).click();
  await page.waitForURL(`${s.base}/`);
  await page.locator(settled).waitFor();
  expect((await currentHouseholdName(page)) === 'Maple Street', 'the accepted household is not current');
});

test('the owner changes the new member\'s role', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/household`);
  const bob = page.locator(`li[data-member="${bobEmail}"]`);
  await bob.waitFor();
  await bob.locator('select').selectOption('admin');
  await page.waitForResponse((r) => r.url().includes('/members/') && r.request().method() === 'PUT');
  await page.reload();
  await page.locator(`li[data-member="${bobEmail}"] select`).waitFor();
  expect((await page.locator(`li[data-member="${bobEmail}"] select`).inputValue()) === 'admin', 'the role change did not stick');
  await shot(page, 'phone-household-members');
});

test('the owner removes the member, who falls back to their personal household', async () => {
  const page = s.adaPage;
  await page.locator(`li[data-member="${bobEmail}"] button`, { hasText: 'Remove' }).click();
  await page.locator(`li[data-member="${bobEmail}"]`).waitFor({ state: 'detached' });
  const bob = s.bobPage;
  await bob.goto(`${s.base}/household`);
  await bob.locator('h1', { hasText: "Bob's household" }).waitFor();
  const names = await bob.$$eval(`${householdSelect} option`, (o) => o.map((x) => x.textContent));
  expect(!names.includes('Maple Street'), 'the removed member still lists the household');
});

test('an expired access token is renewed silently', async () => {
  const page = s.adaPage;
  await s.ada.clearCookies({ name: 'ts_access' });
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
  await page.goto(`${s.base}/household`);
  expect((await refreshed).status() === 200, 'the refresh failed');
  await page.locator('[data-member]').first().waitFor();
  expect(page.url() === `${s.base}/household`, `left the page: ${page.url()}`);
});

test('a lost session goes to sign-in and keeps what was typed', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/profile`);
  await page.fill('input[name=displayName]', 'Ada Lovelace');
  await s.ada.clearCookies();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/sign-in\?returnUrl=%2Fprofile$/);
  await signIn(page, adaEmail);
  await page.waitForURL(`${s.base}/profile`);
  await page.waitForFunction(() => document.querySelector('input[name=displayName]')?.value === 'Ada Lovelace');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('text=Saved.').waitFor();
});

test('sign out, a wrong password, and sign in again', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/profile`);
  await page.getByRole('link', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in\?notice=signed_out/);
  await page.locator('text=You are signed out.').waitFor();
  await signIn(page, adaEmail, 'not the password at all');
  await page.locator('.notice-error', { hasText: 'Wrong e-mail or password' }).waitFor();
  await shot(page, 'phone-sign-in-error');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${s.base}/`);
  await page.locator(settled).waitFor();
});

test('sign-in explains the server\'s error codes; bad e-mail links and forgot-password answer calmly', async () => {
  const context = await newContext(PHONE);
  const page = await context.newPage();
  for (const [code, text] of [['locked_out', 'locked'], ['account_exists', 'already exists'], ['email_required', 'did not share an e-mail'], ['external_failed', 'did not work']]) {
    await page.goto(`${s.base}/sign-in?error=${code}`);
    await page.locator('.notice-error', { hasText: text }).waitFor();
  }
  await page.goto(`${s.base}/sign-in?notice=verify_email`);
  await page.locator('.notice', { hasText: 'verify your address' }).waitFor();
  expect((await page.locator('.oauth').count()) === 0, 'OAuth buttons shown although no provider is configured');
  // Links from e-mails with a token the server does not know.
  await page.goto(`${s.base}/verify-email?token=not-a-real-token`);
  await page.locator('[data-state="failed"] .notice-error').waitFor();
  await page.goto(`${s.base}/reset-password?token=not-a-real-token`);
  await page.fill('input[name=password]', 'a brand new passphrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.locator('.notice-error').waitFor();
  await shot(page, 'phone-reset-password-bad-link');
  await page.goto(`${s.base}/forgot-password`);
  await page.fill('input[name=email]', adaEmail);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.locator('.notice-success', { hasText: 'reset link is on its way' }).waitFor();
  await context.close();
});

test('the service worker caches the shell: the home screen opens offline', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/`);
  await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no active service worker after 15 s')), 15_000)),
  ]));
  const caches = await page.evaluate(async () => caches.keys());
  expect(caches.some((c) => c.includes('precache')), `no precache: ${caches.join(', ')}`);
  await s.ada.setOffline(true);
  try {
    await page.reload();
    await page.locator('.sync-status', { hasText: 'Offline' }).waitFor();
    // The cards show what this device loaded last, saying so ("as of"), rather than an error.
    await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
    await page.locator('.stale-reads', { hasText: 'as of' }).waitFor();
    expect((await page.title()) === 'Home · TrackStack', `offline title: ${await page.title()}`);
    await shot(page, 'phone-home-offline');
  } finally {
    await s.ada.setOffline(false);
  }
});

test('offline queue: pending count, replay on reconnect, no duplicates', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/`);
  await page.locator(settled).waitFor();
  await s.ada.setOffline(true);
  const id = await page.evaluate(() => crypto.randomUUID());
  const name = `Queued ${id.slice(0, 8)}`;
  // Queue a create the way a module screen does: an entry keyed by its client UUID in IndexedDB.
  const enqueue = () => page.evaluate(async ({ id, name }) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('trackstack-offline', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('requests', { keyPath: 'id' });
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise((res, rej) => {
      const tx = db.transaction('requests', 'readwrite');
      tx.objectStore('requests').put({ id, url: '/api/households', method: 'POST', body: { id, name }, queuedAt: Date.now(), seq: 0, attempts: 0, status: 'pending' });
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
    new BroadcastChannel('trackstack-offline-queue').postMessage('changed');
  }, { id, name });
  await enqueue();
  await enqueue();
  const status = page.locator('.sync-status');
  await status.filter({ hasText: '1 to sync' }).waitFor();
  expect((await status.getAttribute('data-online')) === 'false', 'the indicator does not say offline');
  await shot(page, 'phone-home-pending');
  await s.ada.setOffline(false);
  await status.waitFor({ state: 'detached' });
  const households = await page.evaluate(async () => (await fetch('/api/households')).json());
  const stored = households.filter((h) => h.name === name);
  expect(stored.length === 1, `expected the queued create once, found ${stored.length}`);
  // A second trigger must not send it again.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(300);
  const again = (await page.evaluate(async () => (await fetch('/api/households')).json())).filter((h) => h.name === name);
  expect(again.length === 1, 'replayed twice');
});

test('keyboard: the skip link leads to the content, the theme toggles to light', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/`);
  await page.locator(settled).waitFor();
  await page.keyboard.press('Tab');
  expect((await page.evaluate(() => document.activeElement?.textContent)) === 'Skip to content', 'the first Tab does not reach the skip link');
  await page.keyboard.press('Enter');
  expect((await page.evaluate(() => document.activeElement?.id)) === 'main', 'the skip link does not move focus to the content');
  await page.click('button[aria-label="Switch to light theme"]');
  expect((await page.evaluate(() => document.documentElement.dataset.theme)) === 'light', 'no light theme');
  await page.reload();
  await page.locator(settled).waitFor();
  expect((await page.evaluate(() => document.documentElement.dataset.theme)) === 'light', 'the theme was not remembered');
  await shot(page, 'phone-home-light');
  await page.click('button[aria-label="Switch to dark theme"]');
});

// --- Expenses and Heating -------------------------------------------------------------------------------------
/** Calls the API from the page (cookies and the anti-CSRF header, like the app). */
async function call(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
    const r = await fetch(path, { method, headers: { 'content-type': 'application/json', ...(m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
    return { status: r.status, body: parsed };
  }, { method, path, body });
}

/** Runs `body` with Bob as a member of Ada's current household in `role` (invited and accepted through the API,
 * switched to it in his page), then takes him out again, whatever happened. */
async function withBobAs(role, body) {
  const ada = s.adaPage, bob = s.bobPage;
  const hh = await householdId(ada);
  const invite = await call(ada, 'POST', `/api/households/${hh}/invites`, { email: bobEmail, role });
  expect(invite.status === 201, `invite: ${invite.status}`);
  const accepted = await call(bob, 'POST', `/api/invites/${invite.body.token}/accept`);
  expect(accepted.status === 200, `accept: ${accepted.status}`);
  try {
    await bob.goto(`${s.base}/`);
    await bob.locator(settled).waitFor();
    await bob.selectOption(householdSelect, hh);
    await body(bob, hh);
  } finally {
    const me = (await call(bob, 'GET', '/api/me')).body;
    await call(ada, 'DELETE', `/api/households/${hh}/members/${me.id}`);
    await bob.goto(`${s.base}/`);
    await bob.locator(settled).waitFor();
  }
}

async function householdId(page) {
  const list = (await call(page, 'GET', '/api/households')).body;
  return list.find((h) => h.name === 'Maple Street').id;
}

/** A calendar day in Zurich, offsetDays from today (whole days, not 24 h steps, which repeat a date across a DST change). */
const zurichDay = (offsetDays = 0) => {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + offsetDays)).toISOString().slice(0, 10);
};
const remainingCents = async (page) => Number(await page.getAttribute('[data-remaining-cents]', 'data-remaining-cents'));

test('expenses: set the income, add an expense on the keypad, edit it, and see what is left change', async () => {
  const page = s.adaPage;
  await page.setViewportSize(PHONE);
  await page.goto(`${s.base}/expenses#settings`);
  await page.locator('input[name=monthlyIncome]').waitFor();
  await page.fill('input[name=monthlyIncome]', '3000');
  await page.fill('input[name="ratio-fun"]', '30');
  await page.locator('[data-allocation="over"]').waitFor();
  expect(await page.locator('[data-panel="budget"] button[type=submit]').isDisabled(), 'saving is possible with ratios over 100 %');
  await page.fill('input[name="ratio-fun"]', '20');
  await page.locator('[data-allocation="complete"]').waitFor();
  await page.locator('[data-panel="budget"] button[type=submit]').click();
  await page.locator('.notice-success', { hasText: 'Settings saved.' }).waitFor();
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
  expect((await remainingCents(page)) === 300000, `remaining before: ${await remainingCents(page)}`);
  await page.getByRole('button', { name: '+ Add' }).click();
  await page.locator('.keypad').waitFor();
  // Nothing typed: the errors show next to their fields.
  await page.getByRole('button', { name: 'Save expense' }).click();
  await page.locator('#amount-error').waitFor();
  await page.locator('input[name=title] ~ .field-error').waitFor();
  expect(await page.evaluate(() => document.activeElement?.classList.contains('amount-display')), 'focus did not move to the amount in error');
  for (const k of ['1', '2', '5', '0']) await page.click(`.key[data-key="${k}"]`);
  expect((await page.getAttribute('.amount-display', 'data-cents')) === '1250', 'the keypad did not make 12.50');
  await page.fill('input[name=title]', 'Bakery');
  await page.selectOption('#entry-category', { label: 'Groceries' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'phone-expenses-add');
  await page.setViewportSize(DESKTOP);
  await shot(page, 'desktop-expenses-add');
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: 'Save expense' }).click();
  await page.locator('.notice-success', { hasText: 'Expense saved.' }).waitFor();
  await page.locator('[data-remaining-cents="298750"]').waitFor();
  // Edit it in the entries list: 12.50 → 20.00.
  await page.getByRole('link', { name: 'Entries', exact: true }).click();
  await page.locator('[data-entry="Bakery"]').waitFor();
  await page.getByRole('button', { name: 'Edit Bakery' }).click();
  for (let i = 0; i < 4; i++) await page.click('.key[data-key="back"]');
  for (const k of ['2', '0', '0', '0']) await page.click(`.key[data-key="${k}"]`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('.notice-success', { hasText: 'Entry saved.' }).waitFor();
  await page.fill('input[name=q]', 'no such payee');
  await page.locator('text=No entries match.').waitFor();
  await page.fill('input[name=q]', 'bak');
  await page.locator('[data-entry="Bakery"]').waitFor();
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.locator('[data-remaining-cents="298000"]').waitFor();
  // A second entry picks the payee from the recent chips.
  await page.getByRole('button', { name: '+ Add' }).click();
  for (const k of ['5', '0', '0']) await page.click(`.key[data-key="${k}"]`);
  await page.locator('.chips .chip', { hasText: 'Bakery' }).click();
  expect((await page.inputValue('input[name=title]')) === 'Bakery', 'the chip did not fill the payee');
  expect((await page.locator('#entry-category option:checked').textContent()) === 'Groceries', 'the chip did not bring the category');
  await page.getByRole('button', { name: 'Save expense' }).click();
  await page.locator('[data-remaining-cents="297500"]').waitFor();
  // A closed month refuses new entries; the form says so, and reopening lets it through.
  await page.getByRole('button', { name: 'Close month' }).click();
  await page.locator('[data-month-status="closed"]').waitFor();
  await page.getByRole('button', { name: '+ Add' }).click();
  for (const k of ['1', '0', '0']) await page.click(`.key[data-key="${k}"]`);
  await page.fill('input[name=title]', 'Too late');
  await page.getByRole('button', { name: 'Save expense' }).click();
  await page.locator('[data-panel="add"] .field-error, [data-panel="add"] .notice-error').first().waitFor();
  await shot(page, 'phone-expenses-add-closed-month');
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.getByRole('button', { name: 'Reopen month' }).click();
  await page.locator('[data-month-status="open"]').waitFor();
  await page.locator('[data-remaining-cents="297500"]').waitFor();
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await shot(page, `${label}-expenses-month`);
  }
  await page.setViewportSize(PHONE);
});

test('cold load: time to an interactive Expenses month sheet and its JavaScript size', async () => {
  const cookies = (await s.ada.storageState()).cookies;
  const context = await newContext(PHONE, { cookies, origins: [] });
  const page = await context.newPage();
  const scripts = new Set();
  page.on('response', (r) => { if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname); });
  const started = Date.now();
  await page.goto(`${s.base}/expenses`);
  const inPage = await page.waitForFunction(() => {
    const sheet = document.querySelector('[data-module="expenses"][data-state="ready"]');
    const add = [...document.querySelectorAll('button')].find((b) => b.textContent === '+ Add');
    return sheet && add ? performance.now() : false;
  }, null, { polling: 10 }).then((h) => h.jsonValue());
  const wall = Date.now() - started;
  const { raw, gz } = scriptBytes(scripts);
  metrics.timeToInteractiveExpensesMs = Math.round(inPage);
  metrics.expensesJsGzipBytes = gz;
  console.log(`  metric: time to an interactive Expenses month sheet, cold load: ${metrics.timeToInteractiveExpensesMs} ms in the page (${wall} ms wall)`);
  console.log(`  metric: JavaScript loaded by the Expenses screen: ${(gz / 1024).toFixed(1)} kB gzip (${(raw / 1024).toFixed(1)} kB raw, ${scripts.size} files)`);
  await context.close();
});

test('expenses: a checklist bill is ticked and unticked on the month sheet', async () => {
  const page = s.adaPage;
  const hh = await householdId(page);
  const month = zurichDay().slice(0, 7);
  expect(hh, 'no household');
  await page.goto(`${s.base}/expenses#settings`);
  await page.locator('[data-panel="checklist"]').getByRole('button', { name: '+ Add a bill' }).click();
  await page.fill('input[name=checklistTitle]', 'Rent');
  await page.fill('input[name=checklistAmount]', '1200');
  await page.fill('input[name=checklistDueDay]', '1');
  await page.getByRole('button', { name: 'Add bill', exact: true }).click();
  await page.locator('.notice-success', { hasText: 'Bill added.' }).waitFor();
  await page.locator('[data-panel="checklist"] li', { hasText: 'Rent' }).waitFor();
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
  const rent = page.locator('[data-obligation="Rent"]');
  await rent.waitFor();
  const before = await remainingCents(page);
  await rent.getByRole('button', { name: 'Pay Rent' }).click();
  await page.locator('[data-obligation="Rent"][data-status="done"], [data-obligation="Rent"]:not([data-status="pending"])').waitFor();
  await page.locator(`[data-remaining-cents="${before - 120000}"]`).waitFor();
  await page.getByRole('button', { name: 'Paid Rent: undo' }).click();
  await page.locator('[data-obligation="Rent"][data-status="pending"]').waitFor();
  await page.locator(`[data-remaining-cents="${before}"]`).waitFor();
  expect(month.length === 7, 'month');
  // This month's income only (the settings keep theirs).
  await page.locator('summary', { hasText: "Change this month's income" }).click();
  await page.fill('input[name=monthIncome]', '3100');
  await page.getByRole('button', { name: 'Save income' }).click();
  await page.locator(`[data-remaining-cents="${before + 10000}"]`).waitFor();
  if (!(await page.locator('input[name=monthIncome]').isVisible())) await page.locator('summary', { hasText: "Change this month's income" }).click();
  await page.fill('input[name=monthIncome]', '3000');
  await page.getByRole('button', { name: 'Save income' }).click();
  await page.locator(`[data-remaining-cents="${before}"]`).waitFor();
});

test('expenses: import a bank CSV through the preview, then again as duplicates', async () => {
  const page = s.adaPage;
  const [y, m, d] = zurichDay().split('-');
  const csv = `Date;Payee;Amount\n${d}.${m}.${y};Coop;-45,20\n${d}.${m}.${y};Migros;-12,80\n${d}.${m}.${y};Salary;3000,00\n`;
  await page.goto(`${s.base}/expenses#import`);
  await page.locator('#import-file').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('details.more summary').click();
  await page.selectOption('select[name=delimiter]', ';');
  await page.selectOption('select[name=decimalSeparator]', ',');
  await page.fill('input[name=dateFormat]', 'dd.MM.yyyy');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('[data-panel="import-preview"]').waitFor();
  const statuses = await page.$$eval('[data-panel="import-preview"] tbody tr[data-status]', (rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(JSON.stringify(statuses) === JSON.stringify(['new', 'new', 'skipped']), `preview statuses ${statuses}`);
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await shot(page, `${label}-expenses-import-preview`);
  }
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: 'Import 2 new lines' }).click();
  await page.locator('.notice-success .import-counts[data-created="2"][data-skipped="1"]').waitFor();
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('[data-panel="import-preview"] .import-counts[data-duplicates="2"]').waitFor();
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.locator('[data-remaining-cents="291700"]').waitFor();
  // A rule gives the imported Coop line its category.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.fill('input[name=rulePattern]', 'coop');
  await page.selectOption('select[name=ruleCategory]', { label: 'Fund · Groceries' });
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.locator('[data-rule="coop"]').waitFor();
  await page.getByRole('button', { name: 'Apply now to entries without a category' }).click();
  await page.locator('[data-panel="rules"] .notice-success', { hasText: /^1 of \d+ entries/ }).waitFor();
  // Undo it from the list of earlier imports: its entries go, the duplicates preview would count them as new again.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.locator('[data-import="statement.csv"]').first().waitFor();
  await page.getByRole('button', { name: 'Undo the import of statement.csv' }).first().click();
  await page.locator('.notice-success', { hasText: 'Import undone' }).waitFor();
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.locator('[data-remaining-cents="297500"]').waitFor();
  // Previewed again, the Coop line is new again and shows the category its rule gives it.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.locator('#import-file').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('[data-panel="import-preview"] tr[data-status="new"] [data-category]', { hasText: 'Groceries' }).waitFor();
});

test('heating: log refills, add a purchase, upload temperatures, and see the figures and charts', async () => {
  const page = s.adaPage;
  await page.goto(`${s.base}/heating`);
  const hh = await householdId(page);
  const base = `/api/households/${hh}/heating`;
  // History: 110 days of temperatures and a refill every 7 days that follows the cold (2.5 kWh/day + 4 kWh per degree day).
  const temps = [];
  for (let i = 110; i >= 0; i--) temps.push({ date: zurichDay(-i), meanC: Math.round((9 + 7 * Math.sin(i / 9)) * 10) / 10 });
  expect((await call(page, 'PUT', `${base}/temperatures`, temps)).status === 200, 'temperatures not stored');
  expect((await call(page, 'POST', `${base}/purchases`, { id: crypto.randomUUID(), date: zurichDay(-105), quantity: 80, unit: 'bag', totalPriceCents: null, supplier: 'Pellets AG', note: null })).status === 201, 'purchase');
  const hdd = (i) => Math.max(0, 15.5 - temps.find((t) => t.date === zurichDay(-i)).meanC);
  for (let i = 98; i >= 7; i -= 7) {
    let kwh = 0;
    for (let k = i; k > i - 7; k--) kwh += 2.5 + 4 * hdd(k);
    const quantity = Math.round((kwh / 72) * (1 + 0.04 * Math.sin(i)) * 10) / 10;
    const r = await call(page, 'POST', `${base}/refills`, { id: crypto.randomUUID(), date: zurichDay(-i), quantity: Math.max(0.1, quantity), meterReading: null, note: null });
    expect(r.status === 201, `refill ${r.status} ${JSON.stringify(r.body)}`);
  }
  await page.goto(`${s.base}/heating#overview`);
  await page.locator('[data-panel="refill"] button[type=submit]', { hasText: 'Log refill' }).click();
  await page.locator('.notice-success', { hasText: 'Refill logged' }).waitFor();
  await page.locator('[data-figure="days-since-refill"]', { hasText: /^0$/ }).waitFor();
  await page.locator('[data-chart="signature"]').waitFor();
  const r2 = await page.textContent('[data-figure="r2"]');
  expect(/\d/.test(r2 ?? ''), `no R² shown: ${r2}`);
  expect(/kWh/.test((await page.textContent('[data-figure="baseload"]')) ?? ''), 'no baseload shown');
  expect((await page.locator('[data-chart="signature"] circle.dot').count()) >= 3, 'fewer than 3 dots');
  expect((await page.locator('[data-chart="season-bars"] rect').count()) > 0, 'no bars');
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await page.locator('[data-panel="charts"]').scrollIntoViewIfNeeded();
    await shot(page, `${label}-heating-charts`);
  }
  await page.setViewportSize(PHONE);
  await page.locator('[data-panel="analysis"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('[data-panel="analysis"]').scrollIntoView({ block: 'start' }));
  await shot(page, 'phone-heating-analysis');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'phone-heating-overview');
  // A purchase with a price, through the form.
  await page.getByRole('link', { name: 'Stock', exact: true }).click();
  await page.fill('input[name=purchaseQuantity]', '20');
  await page.fill('input[name=purchasePrice]', '150.50');
  await page.getByRole('button', { name: 'Add purchase' }).click();
  await page.locator('.notice-success', { hasText: 'Purchase added.' }).waitFor();
  await page.locator('[data-purchase]').nth(1).waitFor();
  // Correct today's refill: 2 → 3 bags.
  const todayLabel = await page.locator('[data-refill] .sub').first().textContent();
  await page.getByRole('button', { name: `Edit the refill of ${todayLabel}` }).first().click();
  await page.fill('input[name=editQuantity]', '3');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.notice-success', { hasText: 'Refill saved.' }).waitFor();
  await page.locator('[data-refill] .title', { hasText: /^3 bags$/ }).first().waitFor();
  // Temperatures from a CSV: check first, then import.
  await page.getByRole('link', { name: 'Weather', exact: true }).click();
  await page.locator('#temp-file').setInputFiles({ name: 'weather.csv', mimeType: 'text/csv', buffer: Buffer.from('date,temp_max,temp_min\n2012-01-01,12.8,5.0\n2012-01-02,10.6,2.8\n2012-01-03,oops,1\n') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.locator('.temp-preview[data-valid="2"][data-errors="1"]').waitFor();
  await page.getByRole('button', { name: 'Import 2 days' }).click();
  await page.locator('.notice-success', { hasText: 'Temperatures imported' }).waitFor();
  // Settings: the server's complaint shows next to its field.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.fill('input[name=baseTemperatureC]', '99');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('input[name=baseTemperatureC] ~ .field-error').waitFor();
  // Focus moves in the frame after the error renders: wait for it rather than sample the instant the error appears.
  expect(await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'baseTemperatureC', null, { timeout: 3000 }).then(() => true, () => false),
    'focus did not move to the field in error');
  await shot(page, 'phone-heating-settings-error');
  await page.fill('input[name=baseTemperatureC]', '15.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('.notice-success', { hasText: 'Heating settings saved.' }).waitFor();
});

test('offline: an expense and a refill wait on the device and are stored once when back online', async () => {
  const page = s.adaPage;
  const hh = await householdId(page);
  const refillTotal = async () => {
    const r = await call(page, 'GET', `/api/households/${hh}/heating/refills?pageSize=1`);
    expect(r.status === 200 && typeof r.body?.total === 'number', `refills answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body.total;
  };
  const refillsBefore = await refillTotal();
  await page.goto(`${s.base}/expenses#add`);
  await page.locator('.keypad').waitFor();
  await s.ada.setOffline(true);
  try {
    for (const k of ['3', '5', '0']) await page.click(`.key[data-key="${k}"]`);
    await page.fill('input[name=title]', 'Offline coffee');
    await page.getByRole('button', { name: 'Save expense' }).click();
    await page.locator('.notice-success', { hasText: 'Saved on this device' }).waitFor();
    const status = page.locator('.sync-status');
    await status.filter({ hasText: '1 to sync' }).waitFor();
    await page.goto(`${s.base}/heating#overview`);
    await page.locator('[data-panel="refill"] button[type=submit]').click();
    await page.locator('.notice-success', { hasText: 'Refill saved on this device' }).waitFor();
    await status.filter({ hasText: '2 to sync' }).waitFor();
    await shot(page, 'phone-heating-offline-pending');
  } finally {
    await s.ada.setOffline(false);
  }
  await page.locator('.sync-status').waitFor({ state: 'detached' });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(300);
  const entries = (await call(page, 'GET', `/api/households/${hh}/expenses/entries?q=${encodeURIComponent('Offline coffee')}`)).body;
  expect(entries.total === 1, `expected the offline expense once, found ${entries.total}`);
  expect(entries.items[0].amountCents === 350, `amount ${entries.items[0].amountCents}`);
  const refillsAfter = await refillTotal();
  expect(refillsAfter === refillsBefore + 1, `refills ${refillsBefore} → ${refillsAfter}`);
});

test('light theme: the month sheet and the heating charts', async () => {
  const page = s.adaPage;
  await page.setViewportSize(PHONE);
  await page.goto(`${s.base}/expenses#month`);
  await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
  await page.click('button[aria-label="Switch to light theme"]');
  expect((await page.evaluate(() => document.documentElement.dataset.theme)) === 'light', 'no light theme');
  await shot(page, 'phone-expenses-month-light');
  await page.goto(`${s.base}/heating#overview`);
  await page.locator('[data-chart="signature"]').waitFor();
  await page.locator('[data-panel="charts"]').scrollIntoViewIfNeeded();
  await shot(page, 'phone-heating-charts-light');
  await page.click('button[aria-label="Switch to dark theme"]');
});

test('screenshots of the main screens on a phone and a desktop', async () => {
  const page = s.adaPage;
  const signedOut = await newContext(PHONE);
  const anon = await signedOut.newPage();
  const screens = [
    ['home', '/', settled, page],
    ['household', '/household', '[data-member]', page],
    ['households', '/households', '[data-household]', page],
    ['profile', '/profile', 'input[name=displayName]', page],
    ['expenses', '/expenses#month', '[data-module="expenses"][data-state="ready"]', page],
    ['expenses-entries', '/expenses#entries', '[data-entry]', page],
    ['expenses-settings', '/expenses#settings', '[data-allocation]', page],
    ['heating', '/heating#overview', '[data-chart="signature"]', page],
    ['heating-stock', '/heating#stock', '[data-purchase]', page],
    ['heating-weather', '/heating#temperatures', '#temp-file', page],
    ['heating-settings', '/heating#settings', 'select[name=fuel]', page],
    ['nutrition', '/nutrition#log', '[data-panel="day"][data-state="ready"]', page],
    ['nutrition-recipes', '/nutrition#recipes', '[data-panel="recipes"][data-state="ready"]', page],
    ['nutrition-settings', '/nutrition#settings', 'input[name=kcal]', page],
    ['not-found', '/no/such/page', 'h1', page],
    ['sign-in', '/sign-in', 'input[name=email]', anon],
    ['sign-up', '/sign-up', 'input[name=email]', anon],
    ['forgot-password', '/forgot-password', 'input[name=email]', anon],
    ['invite-link', s.acceptUrl.replace(s.base, ''), '[data-state]:not([data-state="loading"])', anon],
  ];
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    for (const [name, path, ready, p] of screens) {
      await p.setViewportSize(viewport);
      await p.goto(`${s.base}${path}`);
      await p.locator(ready).first().waitFor();
      await p.waitForTimeout(50);
      await shot(p, `${label}-${name}`);
    }
  }
  await page.setViewportSize(PHONE);
  await signedOut.close();
});

test('screenshots of the home cards with sample module data (stubbed answers)', async () => {
  // To look at the cards with a full month and a season of data, the summary answers are
  // stubbed in the browser. Service workers are blocked so the routes see every request.
  const context = await s.browser.newContext({ viewport: PHONE, storageState: await s.ada.storageState(), serviceWorkers: 'block' });
  context.on('page', watch);
  const tank = (key, name, ratioPercent, budgetCents, spentCents) => ({ key, name, ratioPercent, budgetCents, spentCents, remainingCents: budgetCents - spentCents, percentUsed: null, over: spentCents > budgetCents });
  await context.route('**/expenses/months/*', (r) => r.fulfill({ json: {
    month: '2026-11', status: 'open', currency: 'CHF', incomeCents: 221500, spentCents: 169340, remainingCents: 52160, percentSpent: 76, uncategorisedCents: 0, categories: [],
    tanks: [tank('fund', 'Fund', 60, 132900, 101240), tank('fun', 'Fun', 20, 44300, 42100), tank('future', 'Future', 20, 44300, 26000)],
    pendingObligations: { count: 2, amountCents: 30000, items: [] },
    comparison: { previousAverageSpentCents: null, monthsCounted: 0, deltaCents: null, deltaPercent: null } } }));
  await context.route('**/heating/summary', (r) => r.fulfill({ json: {
    fuel: 'woodPellets', unit: 'bag', unitLabel: 'bag (15 kg)', today: '2026-11-21', seasonLabel: '2026-2027',
    seasonToDate: { from: '2026-09-01', to: '2026-11-21', units: 41, kwh: 2952 }, lastSeasonSameDate: { from: '2025-09-01', to: '2025-11-21', units: 37, kwh: 2664 },
    deltaUnits: 4, deltaPct: 10.8, lastRefillDate: '2026-11-18', daysSinceLastRefill: 3, stockOnHand: 12, daysOfStockLeft: 18, runOutDate: '2026-12-09', kwhPerDegreeDay: 4.1, rSquared: 0.93 } }));
  const page = await context.newPage();
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await page.goto(`${s.base}/`);
    await page.locator('[data-module="expenses"][data-state="ready"]').waitFor();
    await page.locator('[data-module="heating"][data-state="ready"]').waitFor();
    await shot(page, `${label}-home-sample-data`);
  }
  const bands = await page.$$eval('[data-band]', (els) => els.map((e) => e.getAttribute('data-band')));
  expect(JSON.stringify(bands) === JSON.stringify(['green', 'red', 'green']), `unexpected bands ${bands}`);
  await context.close();
});

// More scenarios, one file per area (web/e2e/scenarios/NN-name.mjs, run in name order after the ones above). Each
// exports a function that receives this kit and registers its tests with kit.test; they share the state in kit.s.
const kit = {
  test, expect, s, call, shot, newContext, signUp, signIn, householdId, zurichDay, remainingCents, currentHouseholdName,
  metrics, settled, householdSelect, adaEmail, bobEmail, PHONE, DESKTOP, PASSWORD, scriptBytes, withBobAs,
};
// A scenario may also export `hostEnv`: an async function called just before the host starts (not when skipping)
// that answers settings for it, e.g. the address of a fixture server it started.
const scenarioDir = join(webDir, 'e2e/scenarios');
const hostEnvs = [];
if (existsSync(scenarioDir)) {
  for (const file of readdirSync(scenarioDir).filter((f) => f.endsWith('.mjs') && (!only || only.some((o) => f.includes(o)))).sort()) {
    const scenario = await import(pathToFileURL(join(scenarioDir, file)).href);
    scenario.default(kit);
    if (scenario.hostEnv) hostEnvs.push(scenario.hostEnv);
  }
}

test('no page had a script error or a CSP violation', async () => {
  expect(s.problems.length === 0, s.problems.join('\n'));
});

// ---------------------------------------------------------------------------------------------------------------
async function main() {
  if (skipReason) {
    for (const t of tests) results.push({ name: t.name, status: 'skipped', ms: 0, message: skipReason });
    const c = writeResults();
    console.log(`e2e: skipped ${c.skipped} tests (${skipReason})`);
    return 0;
  }
  const problems = [];
  if (!existsSync(CHROMIUM)) problems.push(`${CHROMIUM} is missing (apt-get install chromium)`);
  if (!existsSync(join(dist, 'index.html'))) problems.push('web/shell/dist is missing (npm run build in web/)');
  if (!existsSync(hostDll)) problems.push('the Release host is missing (dotnet build src/Host/TrackStack.Host -c Release)');
  if (problems.length) {
    for (const t of tests) results.push({ name: t.name, status: 'failed', ms: 0, message: problems.join('; ') });
    writeResults();
    console.error(`e2e: cannot run: ${problems.join('; ')}`);
    return 1;
  }

  const { chromium } = await import('playwright-core');
  const env = Object.assign({}, ...(await Promise.all(hostEnvs.map((f) => f()))));
  const host = clusterMode ? await startCluster({ webRoot: dist, env }) : await startHost({ webRoot: dist, env });
  s.base = host.baseUrl;
  console.log(clusterMode ? `e2e: the cluster's gateway on ${host.baseUrl}, web root ${dist}` : `e2e: host pid ${host.pid} on ${host.baseUrl}, web root ${dist}`);
  try {
    s.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    for (const t of tests) {
      const started = Date.now();
      try {
        await withTimeout(t.fn(), 45_000, t.name);
        results.push({ name: t.name, status: 'passed', ms: Date.now() - started });
        console.log(`  ok   ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        results.push({ name: t.name, status: 'failed', ms: Date.now() - started, message: String(e?.message ?? e) });
        console.log(`  FAIL ${t.name}\n       ${String(e?.message ?? e).split('\n').join('\n       ')}`);
        for (const p of [s.adaPage, s.bobPage]) {
          if (p && !p.isClosed()) {
            await shot(p, `failure-${results.length}-${p === s.adaPage ? 'ada' : 'bob'}`).catch(() => {});
            console.log(`       --- ${p === s.adaPage ? 'first' : 'second'} user's page (${p.url()}):\n       ${(p.__log ?? []).slice(-25).join('\n       ')}`);
          }
        }
      }
    }
  } finally {
    await s.browser?.close().catch(() => {});
    await host.stop();
  }
  const c = writeResults();
  console.log(`e2e: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped; screenshots in ${shotsDir}`);
  if (c.failed) console.log(`host log (last lines):\n${host.output.slice(clusterMode ? 0 : -15).join('\n')}`);
  return c.failed ? 1 : 0;
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([promise, new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms: ${name}`)), ms); })])
    .finally(() => clearTimeout(timer));
}

process.exitCode = await main().catch((e) => {
  console.error(e);
  results.push({ name: 'e2e runner', status: 'failed', ms: 0, message: String(e?.stack ?? e) });
  writeResults();
  return 1;
});
