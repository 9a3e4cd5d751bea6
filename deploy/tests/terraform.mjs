#!/usr/bin/env node
// Checks of deploy/terraform without providers (none can be downloaded here): every .tf is parsed with
// @cdktf/hcl2json and what matters is checked, each as a named check that can fail. Prints one `ok`/`FAIL` line per
// check and writes {"passed","failed","skipped","tests":[{name, ok, detail}]} to --result FILE; exits 0 either way
// (the counts report).
//
//   node deploy/tests/terraform.mjs --result /tmp/terraform.json [--root deploy/terraform] [--repo .]
//
// --root points at another copy of the Terraform (to see a check fail on purpose); --repo at the repository whose
// modules (src/Modules/*) and services (scripts/cluster.sh) the enterprise service map must cover.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const repo = path.resolve(opt('--repo', path.join(here, '..', '..')));
const root = path.resolve(opt('--root', path.join(repo, 'deploy', 'terraform')));
const resultFile = opt('--result', null);

const tests = [];

// Without the parser (npm ci not run) the result file still says what failed, so the step cannot pass unnoticed.
let parse;
try {
  ({ parse } = await import('@cdktf/hcl2json'));
} catch (e) {
  const detail = `@cdktf/hcl2json is not installed (cd deploy/tests && npm ci): ${e.message}`;
  console.log(`FAIL terraform: the HCL parser loads - ${detail}`);
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed: 0, failed: 1, skipped: 0, tests: [{ name: 'terraform: the HCL parser loads', ok: false, skipped: false, detail }] }, null, 2));
  process.exit(0);
}
function check(name, fn) {
  try {
    const r = fn();
    if (r && r.skip) tests.push({ name, ok: true, skipped: true, detail: r.skip });
    else if (r === true || r === undefined) tests.push({ name, ok: true, detail: '' });
    else tests.push({ name, ok: false, detail: String(r) });
  } catch (e) {
    tests.push({ name, ok: false, detail: e.message });
  }
}

// --- Parsing: one merged document per directory (a root or a module) ---

function listTf(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // .terraform/
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTf(p));
    else if (entry.name.endsWith('.tf')) out.push(p);
  }
  return out;
}

function merge(into, from) {
  for (const [k, v] of Object.entries(from)) {
    if (Array.isArray(v)) into[k] = (into[k] ?? []).concat(v);
    else if (v && typeof v === 'object') into[k] = merge(into[k] ?? {}, v);
    else into[k] = v;
  }
  return into;
}

const files = fs.existsSync(root) ? listTf(root) : [];
const dirs = {}; // relative dir => merged document
const texts = {}; // relative dir => concatenated source text
const parseErrors = [];
for (const file of files) {
  const rel = path.relative(root, path.dirname(file)) || '.';
  const text = fs.readFileSync(file, 'utf8');
  try {
    const doc = await parse(path.basename(file), text);
    dirs[rel] = merge(dirs[rel] ?? {}, doc);
    texts[rel] = (texts[rel] ?? '') + '\n' + text;
  } catch (e) {
    parseErrors.push(`${path.relative(root, file)}: ${e.message ?? e}`);
  }
}

const doc = (dir) => dirs[dir] ?? {};
const first = (x) => (Array.isArray(x) ? x[0] : x);
// Each with its address name as _name (a resource's own `name` argument stays `name`).
const resources = (dir, type) => Object.entries(doc(dir).resource?.[type] ?? {}).map(([name, b]) => ({ ...first(b), _name: name }));
const resource = (dir, type, name) => first(doc(dir).resource?.[type]?.[name]);
const moduleCall = (dir, name) => first(doc(dir).module?.[name]);
const variables = (dir) => Object.entries(doc(dir).variable ?? {}).map(([name, b]) => ({ name, ...first(b) }));
const variable = (dir, name) => first(doc(dir).variable?.[name]);
const locals = (dir) => Object.assign({}, ...(doc(dir).locals ?? []));
const blocks = (x) => (Array.isArray(x) ? x : x ? [x] : []);
const str = (x) => (typeof x === 'string' ? x : JSON.stringify(x ?? null));
const roots = ['pragmatic', 'enterprise'];
const moduleDirs = Object.keys(dirs).filter((d) => d.startsWith('modules'));

// `Name = value` pairs and "Name" => value pairs written in an HCL object expression (as hcl2json leaves it).
function objectKeys(expr) {
  const s = str(expr);
  const keys = new Set();
  for (const m of s.matchAll(/(?:^|[{\s,(])"?([A-Za-z_][A-Za-z0-9_]*(?:\$\{[^}]*\}[A-Za-z0-9_]*)?)"?\s*(?:=(?!=)|=>)/g)) keys.add(m[1]);
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) for (const k of Object.keys(expr)) keys.add(k);
  return [...keys];
}

// --- Parsing ---

check('terraform: every .tf file parses', () => {
  if (files.length === 0) return `no .tf files under ${root}`;
  for (const r of ['pragmatic', 'enterprise', 'modules/service', 'modules/web', 'modules/backup_bucket', 'modules/budget'])
    if (!dirs[r]) return `${r}/ has no Terraform`;
  return parseErrors.length === 0 || parseErrors.join('; ');
});

// --- Structure: what `terraform validate` would catch, without providers ---

const declaredOutputs = (dir) => new Set(Object.keys(doc(dir).output ?? {}));
const moduleSourceDir = (dir, call) => path.normalize(path.join(dir, call.source));

check('terraform: every module call passes declared variables, all the required ones, and reads declared outputs', () => {
  const problems = [];
  for (const dir of Object.keys(dirs)) {
    for (const [name, b] of Object.entries(doc(dir).module ?? {})) {
      const call = first(b);
      const target = moduleSourceDir(dir, call);
      if (!dirs[target]) { problems.push(`${dir}: module ${name} has source ${call.source}, which holds no Terraform`); continue; }
      const declared = new Map(variables(target).map((v) => [v.name, v]));
      for (const k of Object.keys(call)) {
        if (['source', 'for_each', 'count', 'depends_on', 'providers', 'version'].includes(k)) continue;
        if (!declared.has(k)) problems.push(`${dir}: module ${name} passes ${k}, which ${target} does not declare`);
      }
      for (const [v, d] of declared) if (!('default' in d) && !(v in call)) problems.push(`${dir}: module ${name} does not pass the required ${v}`);
      const outputs = declaredOutputs(target);
      for (const m of (texts[dir] ?? '').matchAll(new RegExp(`module\\.${name}(?:\\[[^\\]]*\\])?\\.([a-z_][a-z0-9_]*)`, 'g')))
        if (!outputs.has(m[1])) problems.push(`${dir}: module.${name}.${m[1]} is not an output of ${target}`);
    }
  }
  return problems.length === 0 || problems.join('; ');
});

check('terraform: every var.* and local.* read is declared in its directory', () => {
  const problems = [];
  for (const dir of Object.keys(dirs)) {
    const text = (texts[dir] ?? '').replace(/#.*$/gm, '');
    const vars = new Set(variables(dir).map((v) => v.name));
    const locs = new Set(Object.keys(locals(dir)));
    for (const m of text.matchAll(/\bvar\.([a-z_][a-z0-9_]*)/g)) if (!vars.has(m[1])) problems.push(`${dir}: var.${m[1]}`);
    for (const m of text.matchAll(/\blocal\.([a-z_][a-z0-9_]*)/g)) if (!locs.has(m[1])) problems.push(`${dir}: local.${m[1]}`);
  }
  return problems.length === 0 || `not declared: ${[...new Set(problems)].join(', ')}`;
});

// A count or for_each must be known at plan time. Inside a module, one that reads a string or list variable is known
// only if no caller passes a value computed during the apply (an ARN, an ID); maps (for_each uses their keys),
// objects passed as literals and the length of a list are known.
check('terraform: count and for_each in modules never wait for values known only after apply', () => {
  const problems = [];
  const computed = /\b(aws_[a-z0-9_]+|random_[a-z_]+|data|module)\.[a-z0-9_]+/;
  for (const target of moduleDirs) {
    const types = new Map(variables(target).map((v) => [v.name, str(v.type)]));
    const metaVars = new Set();
    for (const kind of ['resource', 'data']) {
      for (const byName of Object.values(doc(target)[kind] ?? {}))
        for (const b of Object.values(byName))
          for (const meta of ['count', 'for_each']) {
            // length() of a list is known while its elements are not (a splat of a counted resource).
            const e = str(first(b)?.[meta]).replace(/\blength\(var\.[a-z0-9_]+\)/g, '');
            for (const m of e.matchAll(/\bvar\.([a-z_][a-z0-9_]*)/g)) metaVars.add(m[1]);
          }
    }
    for (const v of metaVars) {
      const t = types.get(v) ?? '';
      if (/^\$\{(map|object)\(/.test(t)) continue;
      for (const dir of Object.keys(dirs))
        for (const [name, b] of Object.entries(doc(dir).module ?? {})) {
          const call = first(b);
          if (moduleSourceDir(dir, call) !== target || !(v in call)) continue;
          if (computed.test(str(call[v]))) problems.push(`${dir}: module ${name} passes ${v} (${t.replace(/^\$\{|\}$/g, '')}) from a computed value, and ${target} counts or iterates over it`);
        }
    }
  }
  return problems.length === 0 || problems.join('; ');
});

check('terraform: every variable has a description and a type', () => {
  const missing = [];
  for (const dir of Object.keys(dirs))
    for (const v of variables(dir)) {
      if (!v.description || !String(v.description).trim()) missing.push(`${dir}: ${v.name} (description)`);
      if (!v.type) missing.push(`${dir}: ${v.name} (type)`);
    }
  return missing.length === 0 || missing.join(', ');
});

check('terraform: every root pins Terraform and the AWS provider (6.x) and tags everything with project, environment, managed-by', () => {
  const problems = [];
  for (const r of roots) {
    const tf = first(doc(r).terraform);
    const aws = first(tf?.required_providers)?.aws;
    if (!tf?.required_version) problems.push(`${r}: no required_version`);
    if (!aws || aws.source !== 'hashicorp/aws' || !/(~>\s*6|>=\s*6)/.test(aws.version ?? '')) problems.push(`${r}: aws provider not pinned to 6.x (${aws?.version})`);
    const provider = first(doc(r).provider?.aws);
    const tags = first(first(provider?.default_tags)?.tags) ?? first(provider?.default_tags)?.tags;
    for (const t of ['project', 'environment', 'managed-by']) if (!tags || !(t in tags)) problems.push(`${r}: default_tags without ${t}`);
    if (!fs.existsSync(path.join(root, r, 'terraform.tfvars.example'))) problems.push(`${r}: no terraform.tfvars.example`);
    if (!doc(r).output || Object.keys(doc(r).output).length === 0) problems.push(`${r}: no outputs`);
  }
  return problems.length === 0 || problems.join('; ');
});

check('terraform: fmt -check -recursive', () => {
  let bin = null;
  try {
    bin = execFileSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).trim();
  } catch {
    return { skip: 'terraform is not on PATH' };
  }
  try {
    execFileSync(bin, ['fmt', '-check', '-recursive', '.'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return true;
  } catch (e) {
    return `not formatted: ${String(e.stdout ?? '').trim().split('\n').join(', ') || e.message}`;
  }
});

// --- Secrets ---

const secretName = /(PASSWORD|SECRET|KEY(?!EEP)|TOKEN|CONNECTIONSTRING)/i;
const isSecretName = (k) => secretName.test(k.replace(/Keep/g, ''));

check('secrets: no password, secret, key or connection string is given as plain environment', () => {
  const problems = [];
  for (const dir of Object.keys(dirs)) {
    // Module inputs and locals that become a container's environment.
    for (const [name, b] of Object.entries(doc(dir).module ?? {}))
      for (const k of objectKeys(first(b).environment)) if (isSecretName(k)) problems.push(`${dir}: module ${name} environment ${k}`);
    for (const [name, expr] of Object.entries(locals(dir)))
      if (/environment/i.test(name)) for (const k of objectKeys(expr)) if (isSecretName(k)) problems.push(`${dir}: local.${name} ${k}`);
    // Container definitions written in place.
    for (const td of resources(dir, 'aws_ecs_task_definition'))
      for (const m of str(td.container_definitions).matchAll(/name\s*=\s*"([^"]+)"\s*,?\s*value/g)) if (isSecretName(m[1])) problems.push(`${dir}: ${td._name} ${m[1]}`);
  }
  const td = resource('modules/service', 'aws_ecs_task_definition', 'this');
  if (!/secrets\s*=\s*local\.secrets/.test(str(td?.container_definitions))) problems.push('modules/service: the container gets no secrets list');
  if (!/valueFrom/.test(str(locals('modules/service').secrets))) problems.push('modules/service: secrets are not passed as valueFrom');
  return problems.length === 0 || problems.join('; ');
});

check('secrets: every SSM parameter is a SecureString and the execution role may read only those it is given', () => {
  const problems = [];
  for (const dir of Object.keys(dirs))
    for (const p of resources(dir, 'aws_ssm_parameter')) if (p.type !== 'SecureString') problems.push(`${dir}: ${p._name} is ${p.type}`);
  const policy = first(doc('modules/service').data?.aws_iam_policy_document?.read_secrets);
  const stmt = first(policy?.statement);
  if (!stmt || !str(stmt.resources).includes('var.secrets') || str(stmt.resources).includes('*')) problems.push('modules/service: read_secrets is not limited to var.secrets');
  return problems.length === 0 || problems.join('; ');
});

// --- Shared modules ---

check('s3: every bucket blocks public access and is encrypted', () => {
  const problems = [];
  let buckets = 0;
  for (const dir of Object.keys(dirs))
    for (const b of resources(dir, 'aws_s3_bucket')) {
      buckets++;
      const ref = `aws_s3_bucket.${b._name}.id`;
      const pab = resources(dir, 'aws_s3_bucket_public_access_block').find((x) => str(x.bucket).includes(ref));
      if (!pab) problems.push(`${dir}: ${b._name} has no public access block`);
      else for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) if (pab[k] !== true) problems.push(`${dir}: ${b._name} ${k} is not true`);
      const sse = resources(dir, 'aws_s3_bucket_server_side_encryption_configuration').find((x) => str(x.bucket).includes(ref));
      if (!sse || !/sse_algorithm/.test(str(sse.rule))) problems.push(`${dir}: ${b._name} has no default encryption`);
      const policy = resources(dir, 'aws_s3_bucket_policy').find((x) => str(x.bucket).includes(ref));
      if (!policy) problems.push(`${dir}: ${b._name} has no bucket policy (TLS only)`);
      const tls = blocks(first(doc(dir).data?.aws_iam_policy_document?.[/data\.aws_iam_policy_document\.(\w+)/.exec(str(policy?.policy))?.[1]])?.statement)
        .find((st) => st.effect === 'Deny' && str(st.condition).includes('aws:SecureTransport') && str(st.condition).includes('"values":["false"]'));
      if (policy && !tls) problems.push(`${dir}: ${b._name}'s policy does not deny requests without TLS`);
    }
  if (buckets < 1) problems.push('no bucket found');
  // Every bucket is made by modules/private_bucket, so the backup and the web bucket get all of the above.
  for (const dir of ['modules/backup_bucket', 'modules/web'])
    if (!str(moduleCall(dir, 'bucket')?.source).includes('private_bucket')) problems.push(`${dir} does not make its bucket with modules/private_bucket`);
  return problems.length === 0 || problems.join('; ');
});

check('s3: the backup bucket has lifecycle rules (expiry, old versions, unfinished uploads)', () => {
  const lc = resource('modules/backup_bucket', 'aws_s3_bucket_lifecycle_configuration', 'this');
  const rule = first(lc?.rule);
  if (!rule) return 'no lifecycle configuration';
  for (const k of ['expiration', 'noncurrent_version_expiration', 'abort_incomplete_multipart_upload']) if (!rule[k]) return `lifecycle rule without ${k}`;
  return rule.status === 'Enabled' || 'lifecycle rule not enabled';
});

check('cloudfront: the web bucket is read through Origin Access Control, API paths go to API Gateway', () => {
  const oac = resource('modules/web', 'aws_cloudfront_origin_access_control', 'web');
  if (!oac || oac.origin_access_control_origin_type !== 's3' || oac.signing_behavior !== 'always') return 'no S3 origin access control signing always';
  const dist = resource('modules/web', 'aws_cloudfront_distribution', 'this');
  const origins = blocks(dist?.origin);
  if (!origins.some((o) => str(o.origin_access_control_id).includes('aws_cloudfront_origin_access_control.web.id'))) return 'the S3 origin does not use the OAC';
  if (/origin_access_identity/.test(str(dist))) return 'a legacy origin access identity is used';
  const pol = str(first(doc('modules/web').data?.aws_iam_policy_document?.web));
  if (!pol.includes('cloudfront.amazonaws.com') || !pol.includes('AWS:SourceArn')) return 'the bucket policy does not limit reads to this distribution';
  if (!/\/api\/\*/.test(str(locals('modules/web').api_paths))) return 'no /api/* behaviour';
  if (!/redirect-to-https/.test(str(dist?.default_cache_behavior))) return 'viewers are not redirected to HTTPS';
  return true;
});

check('api gateway: an HTTP API with a VPC link and a VPC_LINK integration', () => {
  const api = resource('modules/http_api', 'aws_apigatewayv2_api', 'this');
  const link = resource('modules/http_api', 'aws_apigatewayv2_vpc_link', 'this');
  const integ = resource('modules/http_api', 'aws_apigatewayv2_integration', 'this');
  if (!api || api.protocol_type !== 'HTTP') return 'no HTTP API';
  if (!link) return 'no VPC link';
  if (!integ || integ.connection_type !== 'VPC_LINK' || !str(integ.connection_id).includes('aws_apigatewayv2_vpc_link.this.id')) return 'the integration does not go through the VPC link';
  for (const r of roots) if (!moduleCall(r, 'http_api')) return `${r} has no http_api`;
  return true;
});

check('logs: every CloudWatch log group has a retention', () => {
  const problems = [];
  let n = 0;
  for (const dir of Object.keys(dirs))
    for (const g of resources(dir, 'aws_cloudwatch_log_group')) {
      n++;
      if (g.retention_in_days === undefined) problems.push(`${dir}: ${g._name}`);
    }
  if (n === 0) return 'no log groups';
  return problems.length === 0 || `no retention: ${problems.join(', ')}`;
});

check('budget: aws_budgets_budget with its limit from a variable and e-mail alerts, in both roots', () => {
  const b = resource('modules/budget', 'aws_budgets_budget', 'this');
  if (!b || !str(b.limit_amount).includes('var.limit_usd')) return 'the budget limit is not var.limit_usd';
  if (!blocks(b.notification).every((n) => str(n.subscriber_email_addresses).includes('var.emails'))) return 'a notification without the e-mail variable';
  for (const r of roots) {
    const call = moduleCall(r, 'budget');
    if (!call || str(call.limit_usd) !== '${var.budget_limit_usd}') return `${r}: budget limit is not var.budget_limit_usd`;
    if (!variable(r, 'budget_limit_usd') || !variable(r, 'budget_emails')) return `${r}: budget variables missing`;
  }
  return true;
});

// --- Pragmatic ---

const app = () => moduleCall('pragmatic', 'app');

check('pragmatic: the monolith runs on FARGATE_SPOT at 0.25 vCPU / 0.5 GB, one task at a time', () => {
  const a = app();
  if (!a) return 'no module "app"';
  if (a.capacity_provider !== 'FARGATE_SPOT') return `capacity_provider is ${a.capacity_provider}`;
  const cp = resource('pragmatic', 'aws_ecs_cluster_capacity_providers', 'this');
  if (!str(cp?.capacity_providers).includes('FARGATE_SPOT')) return 'the cluster has no FARGATE_SPOT capacity provider';
  const svc = resource('modules/service', 'aws_ecs_service', 'this');
  if (!str(first(svc?.capacity_provider_strategy)?.capacity_provider).includes('var.capacity_provider')) return 'the service ignores capacity_provider';
  if (a.cpu !== 256 || a.memory !== 512) return `size is ${a.cpu}/${a.memory}`;
  if (a.single_writer !== true) return 'two tasks could write the SQLite files at once during a deployment';
  if (a.desired_count !== 1) return `desired_count ${a.desired_count}`;
  return true;
});

check('pragmatic: an EFS volume at /data, encrypted at rest and in transit, through an access point as the non-root user', () => {
  const a = app();
  const efs = a?.efs;
  if (!efs || efs.container_path !== '/data') return 'the data volume is not mounted at /data';
  const td = resource('modules/service', 'aws_ecs_task_definition', 'this');
  const conf = first(first(first(td?.dynamic)?.volume)?.content)?.efs_volume_configuration;
  const c = first(conf);
  if (!c || c.transit_encryption !== 'ENABLED') return 'transit_encryption is not ENABLED';
  if (first(c.authorization_config)?.iam !== 'ENABLED') return 'EFS IAM authorization is off';
  const fsr = resource('modules/efs', 'aws_efs_file_system', 'this');
  if (fsr?.encrypted !== true) return 'the file system is not encrypted';
  const ap = resource('modules/efs', 'aws_efs_access_point', 'this');
  if (!str(ap?.posix_user).includes('var.uid')) return 'the access point does not use the container user';
  if (!str(locals('pragmatic').environment).includes('TrackStack__DataDir') || !/"\/data"/.test(str(locals('pragmatic').environment))) return 'TrackStack__DataDir is not /data';
  const uid = variable('pragmatic', 'container_uid');
  if (!uid || uid.default === 0) return 'container_uid defaults to root';
  return true;
});

// The setting names the host knows (BackupOptions.cs), so a renamed setting fails here rather than in production.
function backupSettingNames() {
  const src = fs.readFileSync(path.join(repo, 'src/BuildingBlocks/TrackStack.BuildingBlocks/Backups/BackupOptions.cs'), 'utf8');
  const [main, s3] = src.split('class BackupS3Options');
  const props = (s) => [...s.matchAll(/public\s+[\w?<>]+\s+(\w+)\s*\{\s*get;/g)].map((m) => m[1]);
  return new Set([...props(main).map((p) => `TrackStack__Backup__${p}`), ...props(s3 ?? '').map((p) => `TrackStack__Backup__S3__${p}`)]);
}

check('pragmatic: the server backs up to the S3 bucket every night, with the settings the host knows', () => {
  const env = locals('pragmatic').environment;
  const keys = objectKeys(env);
  const known = backupSettingNames();
  if (!/TrackStack__Backup__Directory\s*=\s*"s3:\/\/\$\{module\.backups\.bucket\}/.test(str(env))) return 'TrackStack__Backup__Directory is not s3://<backup bucket>/...';
  for (const k of ['TrackStack__Backup__HourUtc', 'TrackStack__Backup__S3__Region']) if (!keys.includes(k)) return `${k} not set`;
  const unknown = keys.filter((k) => k.startsWith('TrackStack__Backup__') && !known.has(k));
  if (unknown.length) return `settings BackupOptions does not have: ${unknown.join(', ')}`;
  if (str(app()?.environment) !== '${local.environment}') return 'the task does not get local.environment';
  return true;
});

check('pragmatic: the task role may use the backup bucket prefix and nothing else', () => {
  const a = app();
  if (!str(a?.task_policies).includes('module.backups.writer_policy_json')) return 'the task policy is not the backup writer policy';
  const w = first(doc('modules/backup_bucket').data?.aws_iam_policy_document?.writer);
  for (const s of blocks(w?.statement)) {
    if (str(s.resources).includes('"*"') || !str(s.resources).includes('module.bucket.arn')) return `statement ${s.sid} reaches beyond the bucket`;
    if (str(s.actions).includes('s3:*')) return `statement ${s.sid} allows s3:*`;
  }
  return true;
});

check('pragmatic: no load balancer and no NAT gateway (the $3-5 budget)', () => {
  if (resources('pragmatic', 'aws_lb').length) return 'an ALB in pragmatic';
  const net = moduleCall('pragmatic', 'network');
  if (net?.private_subnets !== false) return 'pragmatic creates private subnets (and NAT)';
  return app()?.assign_public_ip === true || 'the task has no public IP and no NAT: it cannot pull its image';
});

// --- Enterprise ---

// The repo's modules (src/Modules/*) and services (scripts/cluster.sh), which the service map must mirror.
function repoModules() {
  return fs.readdirSync(path.join(repo, 'src', 'Modules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name.toLowerCase()).sort();
}
function clusterServices() {
  const sh = fs.readFileSync(path.join(repo, 'scripts', 'cluster.sh'), 'utf8');
  const block = sh.match(/CLUSTER_SERVICES=\(([\s\S]*?)\)/)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/"([a-z-]+):([a-z,]+):/g)].map((m) => [m[1], m[2].split(',').sort()]));
}
const serviceMap = () => variable('enterprise', 'services')?.default ?? {};

check('enterprise: the service map runs every module of src/Modules exactly once, as scripts/cluster.sh does', () => {
  const map = serviceMap();
  const mapped = Object.values(map).flatMap((s) => s.modules);
  const mods = repoModules();
  const missing = mods.filter((m) => !mapped.includes(m));
  if (missing.length) return `modules without a service: ${missing.join(', ')}`;
  const extra = mapped.filter((m) => !mods.includes(m));
  if (extra.length) return `services run unknown modules: ${extra.join(', ')}`;
  if (new Set(mapped).size !== mapped.length) return 'a module is in two services';
  const cluster = clusterServices();
  for (const [svc, ms] of Object.entries(cluster))
    if (JSON.stringify([...(map[svc]?.modules ?? [])].sort()) !== JSON.stringify(ms)) return `service ${svc}: cluster.sh runs ${ms}, the map ${map[svc]?.modules}`;
  for (const svc of Object.keys(map)) if (!cluster[svc]) return `service ${svc} is not in cluster.sh`;
  return true;
});

check('enterprise: one ECS service per entry of the service map, with its modules, databases and the broker', () => {
  const call = moduleCall('enterprise', 'service');
  if (!call || call.for_each !== '${var.services}') return 'module "service" does not iterate var.services';
  if (!str(call.command).includes('--modules') || !str(call.command).includes('each.value.modules')) return 'the services are not started with --modules';
  const secrets = str(locals('enterprise').service_secrets);
  if (!secrets.includes('TrackStack__Database__ModuleConnectionStrings__${m}') || !secrets.includes('s.modules')) return 'a service does not get its modules connection strings';
  if (!secrets.includes('TrackStack__Messaging__RabbitMq__ConnectionString')) return 'the services do not get the broker';
  const env = str(locals('enterprise').service_environment) + str(locals('enterprise').common_environment);
  for (const k of ['TrackStack__Messaging__Transport', 'TrackStack__Database__Provider', 'TrackStack__Services__IdentityUrl', 'TrackStack__Services__HouseholdsUrl'])
    if (!env.includes(k)) return `${k} not set`;
  if (!/RabbitMq/.test(env) || !/Postgres/.test(env)) return 'Transport RabbitMq / Provider Postgres not set';
  const gw = moduleCall('enterprise', 'gateway');
  if (!gw || !str(gw.environment).includes('TrackStack__Gateway__Modules__${m}') || !str(gw.environment).includes('local.module_service')) return 'the gateway does not get a URL for every module';
  const sd = resources('enterprise', 'aws_service_discovery_service').find((s) => s.for_each === '${var.services}');
  if (!sd) return 'no Cloud Map name per service';
  const dbs = str(locals('enterprise').databases);
  if (!dbs.includes('local.modules')) return 'no database per module';
  return true;
});

check('enterprise: a VPC over two zones with public and private subnets and NAT', () => {
  const net = moduleCall('enterprise', 'network');
  if (!net || net.az_count !== 2 || net.private_subnets !== true || net.nat_gateway !== true) return 'network is not 2 zones with private subnets and NAT';
  const pub = resource('modules/network', 'aws_subnet', 'public');
  const priv = resource('modules/network', 'aws_subnet', 'private');
  if (!pub || !priv) return 'no public or private subnets';
  for (const s of [pub, priv]) if (!str(s.availability_zone).includes('local.azs[count.index]')) return 'subnets are not spread over the zones';
  if (!resource('modules/network', 'aws_nat_gateway', 'this')) return 'no NAT gateway';
  if (!str(resource('modules/network', 'aws_route', 'private_nat')?.nat_gateway_id).includes('aws_nat_gateway')) return 'private subnets do not route through NAT';
  return true;
});

check('enterprise: an internal ALB in front of the gateway, behind API Gateway', () => {
  const lb = resource('enterprise', 'aws_lb', 'internal');
  if (!lb || lb.internal !== true || lb.load_balancer_type !== 'application') return 'no internal application load balancer';
  if (!str(moduleCall('enterprise', 'http_api')?.integration_uri).includes('aws_lb_listener.http.arn')) return 'API Gateway does not integrate with the ALB listener';
  if (!str(moduleCall('enterprise', 'gateway')?.target_group_arn).includes('aws_lb_target_group.gateway')) return 'the gateway is not in the target group';
  return true;
});

check('enterprise: RDS PostgreSQL, private and encrypted', () => {
  const db = resource('enterprise', 'aws_db_instance', 'this');
  if (!db || db.engine !== 'postgres') return 'no postgres instance';
  if (db.publicly_accessible !== false || db.storage_encrypted !== true) return 'RDS is public or unencrypted';
  if (!str(db.password).includes('random_password')) return 'the master password is not generated';
  return true;
});

check('enterprise: Amazon MQ broker on RabbitMQ, private, reached over AMQPS', () => {
  const mq = resource('enterprise', 'aws_mq_broker', 'this');
  if (!mq || mq.engine_type !== 'RabbitMQ') return `engine_type ${mq?.engine_type}`;
  if (mq.publicly_accessible !== false) return 'the broker is public';
  if (!str(resource('enterprise', 'aws_ssm_parameter', 'mq_connection_string')?.value).includes('amqps://')) return 'the connection string is not amqps://';
  return true;
});

check('enterprise: scheduled scaling to 1 at 08:00 and to 0 at 22:00 on Saturday and Sunday, in a configurable time zone', () => {
  const sched = variable('enterprise', 'schedule')?.default;
  if (!sched || !/\bSAT\b/.test(sched.start) || !/\bSUN\b/.test(sched.stop)) return `schedule ${JSON.stringify(sched)}`;
  if (!/cron\(0 8 /.test(sched.start) || !/cron\(0 22 /.test(sched.stop)) return "not 08:00 to 22:00";
  if (!/\bSUN\b/.test(sched.start) || !/\bSAT\b/.test(sched.stop)) return "not on both weekend days";
  const start = resource('enterprise', 'aws_appautoscaling_scheduled_action', 'weekend_start');
  const stop = resource('enterprise', 'aws_appautoscaling_scheduled_action', 'weekend_stop');
  if (!start || !stop) return 'no scheduled actions';
  if (start.schedule !== '${var.schedule.start}' || stop.schedule !== '${var.schedule.stop}') return 'the actions do not use var.schedule';
  if (start.timezone !== '${var.schedule.time_zone}' || stop.timezone !== '${var.schedule.time_zone}') return 'no time zone';
  const a = first(start.scalable_target_action), b = first(stop.scalable_target_action);
  if (a?.min_capacity !== 1 || b?.max_capacity !== 0 || b?.min_capacity !== 0) return 'not 1 at the start and 0 at the stop';
  if (!str(locals('enterprise').scaled).includes('module.gateway')) return 'the gateway is not scaled with the services';
  return true;
});

check('enterprise: the data bridge is a one-off task definition (import-backup ... --into distributed) run at start', () => {
  const b = moduleCall('enterprise', 'data_bridge');
  if (!b || b.create_service !== false) return 'no one-off data_bridge task';
  const cmd = str(b.command);
  if (!cmd.includes('import-backup') || !cmd.includes('--into') || !cmd.includes('distributed')) return `command ${cmd}`;
  if (!str(b.secrets).includes('TrackStack__Database__ModuleConnectionStrings__${m}')) return 'the bridge does not get every module connection string';
  const run = resources('enterprise', 'terraform_data').find((r) => r._name === 'data_bridge');
  if (!run || !str(run.provisioner).includes('module.data_bridge.task_definition_arn')) return 'the bridge is not run at start';
  if (!str(run.depends_on).includes('terraform_data.create_databases')) return 'the bridge may run before the databases exist';
  if (!fs.existsSync(path.join(root, 'enterprise', 'scripts', 'run-task.sh'))) return 'scripts/run-task.sh is missing';
  return true;
});

// --- Settings the Terraform gives exist in the README's settings reference ---

check('settings: every TrackStack__ setting the Terraform sets is in the README settings reference', () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const known = new Set();
  for (const line of readme.split('\n')) {
    if (!line.startsWith('| `TrackStack__')) continue;
    const cell = line.split('|')[1];
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    let base = null;
    for (const n of names) {
      if (n.startsWith('TrackStack__')) { base = n; known.add(n.replace(/<[^>]+>$/, '')); }
      else if (n.startsWith('__') && base) known.add(base.replace(/__[^_]+$/, '') + n);
    }
  }
  const used = new Set();
  for (const dir of Object.keys(dirs)) for (const m of (texts[dir] ?? '').matchAll(/(TrackStack__[A-Za-z0-9_]+)/g)) used.add(m[1]);
  const unknown = [...used].filter((u) => !known.has(u) && ![...known].some((k) => k.endsWith('__') && u.startsWith(k)));
  return unknown.length === 0 || `not in the README: ${unknown.join(', ')}`;
});

// --- Report ---

const passed = tests.filter((t) => t.ok && !t.skipped).length;
const skipped = tests.filter((t) => t.skipped).length;
const failed = tests.filter((t) => !t.ok).length;
for (const t of tests) console.log(`${t.skipped ? 'skip' : t.ok ? 'ok  ' : 'FAIL'} ${t.name}${t.detail ? ` - ${t.detail}` : ''}`);
console.log(`terraform checks: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed, failed, skipped, tests: tests.map(({ name, ok, detail, skipped: s }) => ({ name, ok, skipped: !!s, detail })) }, null, 2));
process.exitCode = failed ? 1 : 0;
