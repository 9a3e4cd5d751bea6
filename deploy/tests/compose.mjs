#!/usr/bin/env node
// Checks compose.yaml and compose.distributed.yaml against the repository: every module of src/Modules is served by
// exactly one service with its own database, the gateway routes every module to the service that runs it, Prometheus
// scrapes every TrackStack container, every mounted file exists, and no secret is written into the file itself.
// Usage: node deploy/tests/compose.mjs --result FILE. Writes {passed, failed, skipped, tests}; exits 0 (the counts report).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const at = process.argv.indexOf('--result');
const resultFile = at > 0 ? process.argv[at + 1] : undefined;
const tests = [];
const check = (name, fn) => {
  try {
    const detail = fn();
    tests.push({ name, ok: true, detail: detail ?? '' });
  } catch (e) {
    tests.push({ name, ok: false, detail: e.message });
  }
};
const assert = (cond, message) => { if (!cond) throw new Error(message); };

// The modules as the code names them (public const string Name = "..." in each module class).
const modules = readdirSync(join(root, 'src/Modules'), { withFileTypes: true }).filter(d => d.isDirectory()).flatMap(d => {
  const project = join(root, 'src/Modules', d.name, `TrackStack.${d.name}`);
  if (!existsSync(project)) return [];
  return readdirSync(project).filter(f => f.endsWith('Module.cs'))
    .map(f => /public const string Name = "([a-z]+)"/.exec(readFileSync(join(project, f), 'utf8'))?.[1]).filter(Boolean);
}).sort();

const load = file => parse(readFileSync(join(root, file), 'utf8'), { merge: true });
const distributed = load('compose.distributed.yaml');
const services = distributed.services ?? {};
const env = s => services[s]?.environment ?? {};
const commandOf = s => services[s]?.command ?? [];
const modulesOf = s => { const c = commandOf(s); const i = c.indexOf('--modules'); return i < 0 ? [] : c[i + 1].split(','); };
const appServices = Object.keys(services).filter(s => commandOf(s)[0] === 'serve');

check('the module list is read from src/Modules', () => {
  assert(modules.length >= 9 && modules.includes('identity') && modules.includes('households'), `found ${modules.join(', ')}`);
  return modules.join(', ');
});

check('compose.distributed.yaml: every module runs in exactly one service', () => {
  for (const m of modules) {
    const runners = appServices.filter(s => modulesOf(s).includes(m));
    assert(runners.length === 1, `module ${m} runs in ${runners.length} services (${runners.join(', ') || 'none'})`);
  }
  const unknown = appServices.flatMap(modulesOf).filter(m => !modules.includes(m));
  assert(unknown.length === 0, `services run modules that do not exist: ${unknown.join(', ')}`);
  return `${appServices.length} services for ${modules.length} modules`;
});

check('compose.distributed.yaml: each module has its own PostgreSQL database', () => {
  const databases = new Set();
  for (const s of appServices) {
    assert(env(s).TrackStack__Database__Provider === 'Postgres', `${s} is not on PostgreSQL`);
    for (const m of modulesOf(s)) {
      const cs = env(s)[`TrackStack__Database__ModuleConnectionStrings__${m}`];
      assert(cs, `${s} has no connection string for ${m}`);
      const db = /Database=([^;]+)/.exec(cs)?.[1];
      assert(db && !databases.has(db), `${m}: database ${db} missing or shared`);
      databases.add(db);
    }
  }
  const init = readFileSync(join(root, 'deploy/compose/postgres-init.sh'), 'utf8');
  for (const db of databases) assert(init.includes(db.replace(/^trackstack_/, '')), `postgres-init.sh does not create ${db}`);
});

check('compose.distributed.yaml: the gateway routes every module to the service that runs it', () => {
  const gw = services.gateway;
  assert(gw && commandOf('gateway')[0] === 'gateway', 'no gateway service running "gateway"');
  for (const m of modules) {
    const url = env('gateway')[`TrackStack__Gateway__Modules__${m}`];
    const owner = appServices.find(s => modulesOf(s).includes(m));
    assert(url === `http://${owner}:8080`, `module ${m}: gateway sends to ${url}, but it runs in ${owner}`);
  }
  assert((gw.ports ?? []).some(p => String(p).endsWith(':8080')), 'the gateway publishes no port');
  const published = appServices.filter(s => (services[s].ports ?? []).length > 0);
  assert(published.length === 0, `services reachable around the gateway: ${published.join(', ')}`);
});

check('compose.distributed.yaml: every module service shares the signing key, the broker and the Identity/Households URLs', () => {
  const shared = ['TrackStack__Auth__SigningKey', 'TrackStack__Messaging__Transport', 'TrackStack__Messaging__RabbitMq__ConnectionString',
    'TrackStack__Services__IdentityUrl', 'TrackStack__Services__HouseholdsUrl'];
  for (const s of appServices) for (const k of shared) assert(env(s)[k], `${s} lacks ${k}`);
  assert(env('identity').TrackStack__Services__IdentityUrl === 'http://identity:8080', 'IdentityUrl does not point at the identity service');
  assert(env('identity').TrackStack__Services__HouseholdsUrl === 'http://households:8080', 'HouseholdsUrl does not point at the households service');
  assert(env('expenses').TrackStack__Messaging__Transport === 'RabbitMq', 'the transport is not RabbitMQ');
});

check('compose.distributed.yaml: the services trust the gateway as a proxy, and the gateway holds no secret', () => {
  for (const s of appServices) {
    assert(/172\.16\.0\.0\/12|10\.0\.0\.0\/8/.test(String(env(s).TrackStack__TrustedProxies ?? '')),
      `${s} does not trust the compose networks as proxies, so it would see every client as the gateway`);
  }
  assert(String(env('gateway').TrackStack__TrustedProxies ?? '').startsWith('${'), 'the gateway, whose port is published, trusts a fixed range: anyone reaching the port could forge X-Forwarded-For');
  const held = Object.keys(env('gateway')).filter(k => /SigningKey|Password|ConnectionString/i.test(k));
  assert(held.length === 0, `the gateway is given ${held.join(', ')}`);
});

check('compose.distributed.yaml: Prometheus scrapes every TrackStack container on its management port', () => {
  const prom = parse(readFileSync(join(root, 'deploy/compose/prometheus.yml'), 'utf8'));
  const job = prom.scrape_configs.find(j => j.job_name === 'trackstack');
  assert(job, 'no job "trackstack" (the rules and dashboards select it)');
  const targets = job.static_configs.flatMap(c => c.targets);
  for (const s of [...appServices, 'gateway']) {
    assert(targets.includes(`${s}:${env(s).TrackStack__Monitoring__MetricsPort}`), `${s} is not scraped`);
    assert(env(s).TrackStack__Monitoring__MetricsAddress === '0.0.0.0', `${s} binds its management port to loopback only`);
  }
  return targets.join(', ');
});

check('compose.distributed.yaml: every mounted file or folder exists', () => {
  for (const [name, s] of Object.entries(services)) {
    for (const v of s.volumes ?? []) {
      const source = String(v).split(':')[0];
      if (source.startsWith('./')) assert(existsSync(join(root, source)), `${name} mounts ${source}, which is missing`);
    }
  }
  const dashboards = readdirSync(join(root, 'deploy/observability/grafana/dashboards')).filter(f => f.endsWith('.json'));
  assert(dashboards.length > 0, 'no Grafana dashboards to provision');
  return `${dashboards.length} dashboards`;
});

check('compose files: no secret value is written in them', () => {
  for (const file of ['compose.yaml', 'compose.distributed.yaml']) {
    if (!existsSync(join(root, file))) continue;
    const doc = load(file);
    for (const [name, s] of Object.entries(doc.services ?? {})) {
      for (const [k, v] of Object.entries(s.environment ?? {})) {
        if (!/PASSWORD|SECRET|SIGNINGKEY|SIGNING_KEY|_PASS$|TOKEN/i.test(k.replace(/__/g, ''))) continue;
        const value = String(v ?? '');
        assert(value === '' || value.startsWith('${'), `${file}: ${name}.${k} holds a literal value`);
      }
      for (const [k, v] of Object.entries(s.environment ?? {})) {
        const value = String(v ?? '');
        assert(!/Password=(?!\$\{)[^;]+/.test(value) && !/amqp:\/\/[^:]+:(?!\$\{)[^@]+@/.test(value), `${file}: ${name}.${k} embeds a literal password`);
      }
    }
  }
});

check('compose.distributed.yaml: TrackStack containers run read-only from one image', () => {
  const images = new Set([...appServices, 'gateway'].map(s => services[s].image));
  assert(images.size === 1, `several images: ${[...images].join(', ')}`);
  for (const s of [...appServices, 'gateway']) assert(services[s].read_only === true, `${s} has a writable root filesystem`);
});

const passed = tests.filter(t => t.ok).length, failed = tests.length - passed;
for (const t of tests) console.log(`${t.ok ? 'ok  ' : 'FAIL'} ${t.name}${t.detail ? ` — ${t.detail}` : ''}`);
if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed, failed, skipped: 0, tests }, null, 2));
process.exitCode = failed ? 1 : 0;
