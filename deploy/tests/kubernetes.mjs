#!/usr/bin/env node
// Checks of deploy/kubernetes: renders each overlay with `kubectl kustomize`, validates every rendered object against
// the Kubernetes schemas of the kubernetes-models package, and checks the properties that matter (probes, resources,
// hardening, the monolith's Recreate and volume, a service for every module, the NetworkPolicies for every pair of
// pods, the PodDisruptionBudgets, no secret committed). Each check is then broken once, in memory, to show it fails.
//
//   (cd deploy/tests && npm ci) && node deploy/tests/kubernetes.mjs --result /tmp/kubernetes.json
//
// Without kubectl the rendering checks are skipped with a note, unless TRACKSTACK_REQUIRE_KUBECTL=1 (then they fail).
// Prints one ok/FAIL/skip line per check, writes {"passed","failed","skipped","tests":[...]} to --result, exits 0.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const KDIR = join(ROOT, "deploy/kubernetes");
const NAMESPACE = "trackstack";
const resultArg = process.argv.indexOf("--result");
const resultFile = resultArg > 0 ? process.argv[resultArg + 1] : null;

const tests = [];
function record(name, ok, detail = "", skipped = false) {
  tests.push({ name, ok, skipped, detail });
  const tag = skipped ? "skip" : ok ? "ok" : "FAIL";
  console.log(`${tag} ${name}${detail && (!ok || skipped) ? ` — ${detail}` : ""}`);
}
// A check is a function of the rendered objects returning a list of problems (empty: passed).
function check(name, fn, ...args) {
  let problems;
  try {
    problems = fn(...args);
  } catch (e) {
    problems = [`threw: ${e.message}`];
  }
  record(name, problems.length === 0, problems.slice(0, 8).join("; ") + (problems.length > 8 ? ` (+${problems.length - 8} more)` : ""));
  return problems;
}
function finish() {
  const passed = tests.filter((t) => t.ok && !t.skipped).length;
  const skipped = tests.filter((t) => t.skipped).length;
  const failed = tests.length - passed - skipped;
  console.log(`kubernetes: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed, failed, skipped, tests: tests.map(({ name, ok, skipped: s, detail }) => ({ name, ok, skipped: s, detail })) }, null, 2));
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The repository's module list: ModuleCatalog.All names <X>Module.Definition; each module's Name constant.
function moduleList() {
  const catalog = readFileSync(join(ROOT, "src/Host/TrackStack.Host/ModuleCatalog.cs"), "utf8");
  const all = catalog.slice(catalog.indexOf("All {"), catalog.indexOf("];"));
  const classes = [...all.matchAll(/(\w+)Module\.Definition/g)].map((m) => m[1]);
  const names = [];
  for (const c of classes) {
    let name = c.toLowerCase();
    const dir = join(ROOT, "src/Modules", c, `TrackStack.${c}`, `${c}Module.cs`);
    try {
      const m = readFileSync(dir, "utf8").match(/const string Name = "([^"]+)"/);
      if (m) name = m[1];
    } catch {
      /* the class name, lower-cased */
    }
    names.push(name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: a temporary copy of deploy/kubernetes with each *.env.example copied to its real name (the overlays'
// secretGenerators read files the user creates), plus variants with the optional Ingress component.
function kubectlVersion() {
  const r = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return null;
  return r.stdout.trim().replace(/\s+/g, " ");
}
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
function prepareCopy() {
  const tmp = mkdtempSync(join(tmpdir(), "trackstack-kube-"));
  const copy = join(tmp, "kubernetes");
  cpSync(KDIR, copy, { recursive: true });
  for (const f of walk(copy)) if (f.endsWith(".env.example")) cpSync(f, f.slice(0, -".example".length));
  const variant = (name, overlay, components) => {
    mkdirSync(join(copy, "variants", name), { recursive: true });
    writeFileSync(
      join(copy, "variants", name, "kustomization.yaml"),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../overlays/${overlay}\ncomponents:\n${components.map((c) => `  - ../../components/${c}\n`).join("")}`,
    );
    return join(copy, "variants", name);
  };
  return {
    tmp,
    targets: {
      monolith: join(copy, "overlays/monolith"),
      services: join(copy, "overlays/services"),
      "monolith+ingress": variant("monolith-ingress", "monolith", ["ingress"]),
      "services+ingress": variant("services-ingress", "services", ["ingress", "ingress-to-gateway"]),
    },
  };
}
function render(dir) {
  const r = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error((r.stderr || String(r.error)).trim().split("\n").slice(-3).join(" "));
  return parseAllDocuments(r.stdout).map((d) => d.toJSON()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------------
// Schema validation: apiVersion "apps/v1" + kind "Deployment" is kubernetes-models/apps/v1/Deployment; core "v1"
// objects are under kubernetes-models/v1.
const modelCache = new Map();
async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    let cls = null;
    try {
      cls = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind] ?? null;
    } catch {
      cls = null;
    }
    modelCache.set(key, cls);
  }
  return modelCache.get(key);
}
// The schemas accept fields they do not know (a misspelt "readinesProbe" passes them, and the API server would drop
// or refuse it). The package's type declarations list every field of every type, so unknown fields are found by
// walking each object along them: d.ts file -> its interface's quoted properties -> the imported interface types.
const shapeCache = new Map();
function shapeOf(file) {
  if (shapeCache.has(file)) return shapeCache.get(file);
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    shapeCache.set(file, null);
    return null;
  }
  const imports = {};
  for (const m of text.matchAll(/^import \{ ([^}]+) \} from "([^"]+)";$/gm))
    for (const name of m[1].split(",").map((x) => x.trim())) imports[name] = m[2];
  const body = text.match(/^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m);
  if (!body) {
    shapeCache.set(file, null); // an alias of a scalar (Quantity, IntOrString, Time): no fields
    return null;
  }
  const fields = {};
  for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
    const type = m[2].replace(/;$/, "").trim();
    const element = type.match(/^Array<(\w+)>$/)?.[1] ?? type;
    const spec = imports[element];
    const target = !spec ? null : spec.startsWith(".") ? resolve(dirname(file), spec) : fileURLToPath(import.meta.resolve(spec));
    fields[m[1]] = target ? { file: target.replace(/\.js$/, "") + ".d.ts" } : { free: true };
  }
  const shape = { fields };
  shapeCache.set(file, shape);
  return shape;
}
function unknownFields(value, file, path, out) {
  if (value === null || typeof value !== "object") return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownFields(v, file, `${path}[${i}]`, out));
    return out;
  }
  const shape = shapeOf(file);
  if (!shape) return out;
  for (const [k, v] of Object.entries(value)) {
    const f = shape.fields[k];
    if (!f) out.push(`${path}.${k} is no field of ${file.split("/").slice(-1)[0].replace(".d.ts", "")}`);
    else if (f.file) unknownFields(v, f.file, `${path}.${k}`, out);
  }
  return out;
}
async function schemaProblems(objects) {
  const problems = [];
  for (const o of objects) {
    const cls = await modelFor(o.apiVersion, o.kind);
    if (!cls) {
      problems.push(`${o.apiVersion} ${o.kind} ${o.metadata?.name}: no schema in kubernetes-models`);
      continue;
    }
    // kustomize folds long base64 values of generated Secrets over several lines, which a YAML reader joins with
    // spaces; the API server's decoder skips the line breaks, so the check does too.
    if (o.kind === "Secret" && o.data) o.data = Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, String(v).replace(/\s+/g, "")]));
    try {
      new cls(o).validate();
    } catch (e) {
      problems.push(`${o.kind}/${o.metadata?.name}: ${e.message}`);
    }
    const declaration = fileURLToPath(import.meta.resolve(`kubernetes-models/${o.apiVersion}/${o.kind}`)).replace(/\.js$/, ".d.ts");
    for (const u of unknownFields(o, declaration, `${o.kind}/${o.metadata?.name}`, [])) problems.push(u);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers over rendered objects.
const ofKind = (objs, kind) => objs.filter((o) => o.kind === kind);
const named = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
const id = (o) => `${o.kind}/${o.metadata?.name}`;
function matchesSelector(sel, labels) {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels?.[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = labels && Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels?.[e.key];
    if (e.operator === "In" && !(has && e.values.includes(v))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(v)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}
function quantity(q) {
  if (q === undefined || q === null) return NaN;
  const s = String(q);
  const m = s.match(/^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G)?$/);
  if (!m) return NaN;
  const mult = { m: 0.001, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9 }[m[2]] ?? 1;
  return Number(m[1]) * mult;
}
function moduleArg(container) {
  const args = container.args ?? [];
  const i = args.indexOf("--modules");
  return i >= 0 ? String(args[i + 1]).split(",").map((s) => s.trim()) : null;
}
function envValue(objs, container, name) {
  for (const e of container.env ?? []) if (e.name === name && e.value !== undefined) return e.value;
  for (const src of container.envFrom ?? []) {
    const ref = src.configMapRef ?? src.secretRef;
    const o = named(objs, src.configMapRef ? "ConfigMap" : "Secret", ref?.name);
    const data = o?.data?.[name] ?? o?.stringData?.[name];
    if (data !== undefined) return src.secretRef && o.data?.[name] !== undefined ? Buffer.from(String(data).replace(/\s+/g, ""), "base64").toString() : data;
  }
  return undefined;
}
const containersOf = (d) => d.spec?.template?.spec?.containers ?? [];
const isGateway = (d) => containersOf(d).some((c) => (c.args ?? [])[0] === "gateway");

// ---------------------------------------------------------------------------------------------------------------
// Checks for every overlay.
function checkProbes(objs) {
  const p = [];
  for (const d of ofKind(objs, "Deployment"))
    for (const c of containersOf(d)) {
      const ports = Object.fromEntries((c.ports ?? []).map((x) => [x.name, x.containerPort]));
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const g = c[probe]?.httpGet;
        if (!g) p.push(`${id(d)} ${c.name}: no ${probe} (httpGet)`);
        else if (!["/health/live", "/health/ready"].includes(g.path)) p.push(`${id(d)} ${probe} on ${g.path}`);
        else if ((typeof g.port === "string" ? ports[g.port] : g.port) !== 8080) p.push(`${id(d)} ${probe} not on port 8080`);
      }
      if (c.livenessProbe?.httpGet?.path !== "/health/live") p.push(`${id(d)}: liveness must be /health/live (no dependency restarts the pod)`);
      const ready = isGateway(d) ? "/health/live" : "/health/ready";
      if (c.readinessProbe?.httpGet?.path !== ready) p.push(`${id(d)}: readiness should be ${ready}`);
    }
  return p;
}
function checkResources(objs) {
  const p = [];
  for (const d of ofKind(objs, "Deployment"))
    for (const c of containersOf(d))
      for (const r of ["cpu", "memory"]) {
        const req = quantity(c.resources?.requests?.[r]);
        const lim = quantity(c.resources?.limits?.[r]);
        if (!(req > 0)) p.push(`${id(d)}: no ${r} request`);
        if (!(lim > 0)) p.push(`${id(d)}: no ${r} limit`);
        if (req > lim) p.push(`${id(d)}: ${r} request above its limit`);
      }
  return p;
}
function checkHardening(objs) {
  const p = [];
  for (const d of ofKind(objs, "Deployment")) {
    const pod = d.spec.template.spec;
    if (pod.automountServiceAccountToken !== false) p.push(`${id(d)}: automountServiceAccountToken is not false`);
    const sa = named(objs, "ServiceAccount", pod.serviceAccountName);
    if (!sa) p.push(`${id(d)}: ServiceAccount ${pod.serviceAccountName} not rendered`);
    else if (sa.automountServiceAccountToken !== false) p.push(`${id(sa)}: automountServiceAccountToken is not false`);
    for (const c of containersOf(d)) {
      const sc = c.securityContext ?? {};
      const psc = pod.securityContext ?? {};
      if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) p.push(`${id(d)}: runAsNonRoot not set`);
      if ((sc.runAsUser ?? psc.runAsUser) === 0) p.push(`${id(d)}: runs as UID 0`);
      if (sc.readOnlyRootFilesystem !== true) p.push(`${id(d)}: readOnlyRootFilesystem not true`);
      if (sc.allowPrivilegeEscalation !== false) p.push(`${id(d)}: allowPrivilegeEscalation not false`);
      if (sc.privileged) p.push(`${id(d)}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) p.push(`${id(d)}: capabilities do not drop ALL`);
      if ((sc.capabilities?.add ?? []).length) p.push(`${id(d)}: adds capabilities`);
      if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== "RuntimeDefault") p.push(`${id(d)}: seccomp is not RuntimeDefault`);
      const mounts = (c.volumeMounts ?? []).map((m) => m.mountPath);
      if (!mounts.includes("/data")) p.push(`${id(d)}: nothing mounted on /data`);
      if (!mounts.includes("/tmp")) p.push(`${id(d)}: nothing writable on /tmp (read-only root filesystem)`);
    }
  }
  return p;
}
// Every name a pod refers to (ConfigMap, Secret, key, PVC, ServiceAccount) and every Service selector resolves.
function checkReferences(objs) {
  const p = [];
  for (const d of ofKind(objs, "Deployment")) {
    const pod = d.spec.template.spec;
    if (!matchesSelector(d.spec.selector, d.spec.template.metadata?.labels)) p.push(`${id(d)}: selector does not match its pods`);
    for (const c of containersOf(d)) {
      for (const src of c.envFrom ?? []) {
        const [kind, ref] = src.configMapRef ? ["ConfigMap", src.configMapRef] : ["Secret", src.secretRef];
        if (!named(objs, kind, ref?.name) && !ref?.optional) p.push(`${id(d)}: envFrom ${kind} ${ref?.name} not rendered`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
        if (!ref) continue;
        const o = named(objs, e.valueFrom.secretKeyRef ? "Secret" : "ConfigMap", ref.name);
        if (!o) p.push(`${id(d)}: ${e.name} refers to missing ${ref.name}`);
        else if (!(ref.key in (o.data ?? {})) && !(ref.key in (o.stringData ?? {}))) p.push(`${id(d)}: ${e.name} refers to missing key ${ref.name}/${ref.key}`);
      }
    }
    for (const v of pod.volumes ?? [])
      if (v.persistentVolumeClaim && !named(objs, "PersistentVolumeClaim", v.persistentVolumeClaim.claimName)) p.push(`${id(d)}: PVC ${v.persistentVolumeClaim.claimName} not rendered`);
  }
  for (const s of ofKind(objs, "Service")) {
    const targets = ofKind(objs, "Deployment").filter((d) => matchesSelector({ matchLabels: s.spec.selector }, d.spec.template.metadata?.labels));
    if (targets.length !== 1) p.push(`${id(s)} selects ${targets.length} Deployments`);
    for (const port of s.spec.ports ?? [])
      for (const d of targets)
        if (!containersOf(d).some((c) => (c.ports ?? []).some((x) => x.name === port.targetPort || x.containerPort === port.targetPort)))
          p.push(`${id(s)}: targetPort ${port.targetPort} is no port of ${id(d)}`);
  }
  for (const i of ofKind(objs, "Ingress"))
    for (const r of i.spec.rules ?? [])
      for (const path of r.http?.paths ?? []) if (!named(objs, "Service", path.backend?.service?.name)) p.push(`${id(i)}: backend ${path.backend?.service?.name} is no Service`);
  return p;
}
function checkSecretsFromGenerators(objs) {
  // Rendered Secrets come from secretGenerators (their names carry kustomize's hash) reading the user's files.
  return ofKind(objs, "Secret")
    .filter((s) => !/-[a-z0-9]{10}$/.test(s.metadata.name))
    .map((s) => `${id(s)} is not generated (a Secret written into the manifests?)`);
}
function checkImage(objs) {
  const p = [];
  for (const d of ofKind(objs, "Deployment"))
    for (const c of containersOf(d)) {
      if (!String(c.image).startsWith("ghcr.io/")) p.push(`${id(d)}: image ${c.image} is not the GHCR image`);
      if (!(c.ports ?? []).some((x) => x.containerPort === 8080)) p.push(`${id(d)}: no container port 8080`);
      const args = c.args ?? [];
      if (!["serve", "gateway"].includes(args[0])) p.push(`${id(d)}: first argument ${args[0]} is neither serve nor gateway`);
      if (!args.includes("http://0.0.0.0:8080")) p.push(`${id(d)}: does not listen on 0.0.0.0:8080`);
    }
  return p;
}

// Monolith.
function checkMonolith(objs) {
  const p = [];
  const ds = ofKind(objs, "Deployment");
  if (ds.length !== 1) return [`${ds.length} Deployments, want 1`];
  const d = ds[0];
  if (d.spec.replicas !== 1) p.push(`replicas ${d.spec.replicas}, want 1 (SQLite)`);
  if (d.spec.strategy?.type !== "Recreate") p.push(`strategy ${d.spec.strategy?.type ?? "RollingUpdate (default)"}, want Recreate`);
  const c = containersOf(d)[0];
  if (moduleArg(c)) p.push("the monolith runs with --modules");
  const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === "/data");
  const vol = (d.spec.template.spec.volumes ?? []).find((v) => v.name === mount?.name);
  const pvc = vol?.persistentVolumeClaim && named(objs, "PersistentVolumeClaim", vol.persistentVolumeClaim.claimName);
  if (!pvc) p.push("/data is not a PersistentVolumeClaim");
  else if (!(pvc.spec.accessModes ?? []).includes("ReadWriteOnce")) p.push(`${id(pvc)} is not ReadWriteOnce`);
  if (envValue(objs, c, "TrackStack__DataDir") !== "/data") p.push("TrackStack__DataDir is not /data");
  return p;
}

// Services: a service for every module; the gateway's map and the Identity/Households URLs point at the right
// Services; each service gets its own modules' connection strings and no other's.
function serviceFor(objs, url) {
  const m = String(url ?? "").match(/^http:\/\/([^:/]+)(?::(\d+))?\/?$/);
  if (!m) return null;
  const svc = named(objs, "Service", m[1]);
  if (!svc || !(svc.spec.ports ?? []).some((x) => x.port === Number(m[2] ?? 80))) return null;
  return ofKind(objs, "Deployment").find((d) => matchesSelector({ matchLabels: svc.spec.selector }, d.spec.template.metadata?.labels)) ?? null;
}
function checkModules(objs, modules) {
  const p = [];
  const runs = new Map();
  for (const d of ofKind(objs, "Deployment")) for (const c of containersOf(d)) for (const m of moduleArg(c) ?? []) runs.set(m, [...(runs.get(m) ?? []), d]);
  for (const m of modules) {
    const ds = runs.get(m) ?? [];
    if (ds.length === 0) p.push(`module ${m} has no service`);
    if (ds.length > 1) p.push(`module ${m} runs in ${ds.map(id).join(", ")}`);
  }
  for (const m of runs.keys()) if (!modules.includes(m)) p.push(`--modules names ${m}, which ModuleCatalog does not know`);
  const gw = ofKind(objs, "Deployment").filter(isGateway);
  if (gw.length !== 1) return [...p, `${gw.length} gateway Deployments, want 1`];
  const gc = containersOf(gw[0])[0];
  for (const m of modules) {
    const target = serviceFor(objs, envValue(objs, gc, `TrackStack__Gateway__Modules__${m}`));
    if (!target) p.push(`gateway: TrackStack__Gateway__Modules__${m} is no Service of this overlay`);
    else if (!(runs.get(m) ?? []).includes(target)) p.push(`gateway sends ${m} to ${id(target)}, which does not run it`);
  }
  for (const d of ofKind(objs, "Deployment").filter((x) => !isGateway(x))) {
    const c = containersOf(d)[0];
    const mine = moduleArg(c) ?? [];
    for (const [setting, module] of [["TrackStack__Services__IdentityUrl", "identity"], ["TrackStack__Services__HouseholdsUrl", "households"]]) {
      if (mine.includes(module)) continue;
      const target = serviceFor(objs, envValue(objs, c, setting));
      if (!target || !(runs.get(module) ?? []).includes(target)) p.push(`${id(d)}: ${setting} does not point at the ${module} service`);
    }
    if (envValue(objs, c, "TrackStack__Database__Provider") !== "Postgres") p.push(`${id(d)}: Database__Provider is not Postgres`);
    if (envValue(objs, c, "TrackStack__Messaging__Transport") !== "RabbitMq") p.push(`${id(d)}: Messaging__Transport is not RabbitMq`);
    if (envValue(objs, c, "TrackStack__Messaging__RabbitMq__ConnectionString") === undefined) p.push(`${id(d)}: no RabbitMQ connection string`);
    if (envValue(objs, c, "TrackStack__Auth__SigningKey") === undefined) p.push(`${id(d)}: no signing key`);
    const dbs = (c.env ?? []).filter((e) => e.name.startsWith("TrackStack__Database__ModuleConnectionStrings__")).map((e) => e.name.split("__").pop());
    for (const m of mine) if (!dbs.includes(m)) p.push(`${id(d)}: no connection string for its module ${m}`);
    for (const m of dbs) if (!mine.includes(m)) p.push(`${id(d)}: gets ${m}'s connection string without running it`);
    for (const src of c.envFrom ?? []) {
      const s = src.secretRef && named(objs, "Secret", src.secretRef.name);
      for (const k of Object.keys(s?.data ?? {})) if (k.includes("ConnectionStrings") || modules.includes(k)) p.push(`${id(d)}: envFrom ${s.metadata.name} hands it database ${k}`);
    }
  }
  return p;
}
// Replicas, volumes and disruption budgets.
function checkScaling(objs) {
  const p = [];
  const pdbs = ofKind(objs, "PodDisruptionBudget");
  for (const d of ofKind(objs, "Deployment")) {
    const labels = d.spec.template.metadata.labels;
    const replicas = d.spec.replicas ?? 1;
    const rwo = (d.spec.template.spec.volumes ?? []).some((v) => v.persistentVolumeClaim);
    if (rwo && replicas > 1) p.push(`${id(d)}: ${replicas} replicas on a ReadWriteOnce volume`);
    if (rwo && d.spec.strategy?.type !== "Recreate") p.push(`${id(d)}: a ReadWriteOnce volume needs strategy Recreate`);
    const mine = pdbs.filter((b) => matchesSelector(b.spec.selector, labels));
    if (replicas > 1 && mine.length === 0) p.push(`${id(d)}: ${replicas} replicas and no PodDisruptionBudget`);
    for (const b of mine) {
      if (b.spec.minAvailable !== undefined && quantity(b.spec.minAvailable) >= replicas) p.push(`${id(b)}: minAvailable ${b.spec.minAvailable} of ${replicas} blocks every drain`);
    }
  }
  const gw = ofKind(objs, "Deployment").filter(isGateway);
  for (const d of gw) {
    if ((d.spec.replicas ?? 1) < 2) p.push(`${id(d)}: the gateway runs fewer than 2 replicas`);
    if (!pdbs.some((b) => matchesSelector(b.spec.selector, d.spec.template.metadata.labels))) p.push("no PodDisruptionBudget selects the gateway");
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// NetworkPolicy evaluation. Endpoints: every Deployment's pods in the namespace "trackstack", and outside ones: a
// client on the internet, a pod in another namespace, Prometheus, the cluster DNS, an external PostgreSQL/RabbitMQ.
function endpoints(objs) {
  const pods = ofKind(objs, "Deployment").map((d) => ({
    name: d.metadata.name,
    namespace: NAMESPACE,
    labels: d.spec.template.metadata.labels ?? {},
    ports: containersOf(d).flatMap((c) => c.ports ?? []),
    deployment: d,
  }));
  const ext = {
    internet: { name: "internet", ip: "198.51.100.7", ports: [] },
    otherPod: { name: "a pod in namespace default", namespace: "default", labels: { app: "other" }, ports: [] },
    prometheus: { name: "prometheus", namespace: "monitoring", labels: { "app.kubernetes.io/name": "prometheus" }, ports: [] },
    dns: { name: "kube-dns", namespace: "kube-system", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }] },
    database: { name: "external PostgreSQL", ip: "203.0.113.10", ports: [{ containerPort: 5432 }] },
    broker: { name: "external RabbitMQ", ip: "203.0.113.11", ports: [{ containerPort: 5672 }] },
  };
  return { pods, ext };
}
function ipInCidr(ip, cidr) {
  const [net, bits] = cidr.split("/");
  const n = (s) => s.split(".").reduce((a, b) => a * 256 + Number(b), 0);
  const mask = Number(bits) === 0 ? 0 : 2 ** 32 - 2 ** (32 - Number(bits));
  return Math.floor(n(ip) / 2 ** (32 - Number(bits))) === Math.floor(n(net) / 2 ** (32 - Number(bits))) || mask === 0;
}
function peerMatches(peer, ep, policyNamespace) {
  if (peer.ipBlock) return !!ep.ip && ipInCidr(ep.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => ipInCidr(ep.ip, c));
  if (!ep.namespace) return false; // outside the cluster: only ipBlock peers match
  const nsLabels = { "kubernetes.io/metadata.name": ep.namespace };
  if (peer.namespaceSelector) {
    if (!matchesSelector(peer.namespaceSelector, nsLabels)) return false;
  } else if (ep.namespace !== policyNamespace) return false;
  return peer.podSelector ? matchesSelector(peer.podSelector, ep.labels) : true;
}
function portMatches(rulePorts, target, port, protocol) {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((rp) => {
    if ((rp.protocol ?? "TCP") !== protocol) return false;
    if (rp.port === undefined) return true;
    const number = typeof rp.port === "string" ? target.ports.find((x) => x.name === rp.port)?.containerPort : rp.port;
    return rp.endPort ? port >= number && port <= rp.endPort : number === port;
  });
}
function allowed(policies, src, dst, port, protocol = "TCP") {
  const types = (np) => np.spec.policyTypes ?? (np.spec.egress ? ["Ingress", "Egress"] : ["Ingress"]);
  const ns = (np) => np.metadata.namespace ?? NAMESPACE;
  if (dst.namespace === NAMESPACE) {
    const sel = policies.filter((np) => ns(np) === dst.namespace && types(np).includes("Ingress") && matchesSelector(np.spec.podSelector, dst.labels));
    if (sel.length && !sel.some((np) => (np.spec.ingress ?? []).some((r) => (!r.from || r.from.length === 0 || r.from.some((peer) => peerMatches(peer, src, ns(np)))) && portMatches(r.ports, dst, port, protocol))))
      return false;
  }
  if (src.namespace === NAMESPACE) {
    const sel = policies.filter((np) => ns(np) === src.namespace && types(np).includes("Egress") && matchesSelector(np.spec.podSelector, src.labels));
    if (sel.length && !sel.some((np) => (np.spec.egress ?? []).some((r) => (!r.to || r.to.length === 0 || r.to.some((peer) => peerMatches(peer, dst, ns(np)))) && portMatches(r.ports, dst, port, protocol))))
      return false;
  }
  return true;
}
function checkNetworkServices(objs) {
  const p = [];
  const policies = ofKind(objs, "NetworkPolicy");
  const { pods, ext } = endpoints(objs);
  const expect = (src, dst, port, want, why, protocol = "TCP") => {
    if (allowed(policies, src, dst, port, protocol) !== want) p.push(`${src.name} -> ${dst.name}:${port}/${protocol} should be ${want ? "allowed" : "denied"} (${why})`);
  };
  const gateway = pods.filter((x) => isGateway(x.deployment));
  const services = pods.filter((x) => !isGateway(x.deployment));
  const runs = (x, m) => (moduleArg(containersOf(x.deployment)[0]) ?? []).includes(m);
  const core = services.filter((x) => runs(x, "identity") || runs(x, "households"));
  if (gateway.length !== 1) return [`${gateway.length} gateway pods`];
  if (core.length !== 2) p.push(`${core.length} identity/households services, want 2`);
  if (!policies.some((np) => Object.keys(np.spec.podSelector ?? {}).length === 0 && (np.spec.policyTypes ?? []).includes("Ingress") && !np.spec.ingress))
    p.push("no default-deny ingress policy (podSelector {} with no ingress rule)");
  expect(ext.internet, gateway[0], 8080, true, "the site is public");
  expect(ext.otherPod, gateway[0], 8080, true, "the ingress controller lives in another namespace");
  for (const s of services) {
    expect(gateway[0], s, 8080, true, "the gateway routes to every service");
    expect(ext.internet, s, 8080, false, "services are behind the gateway");
    expect(ext.otherPod, s, 8080, false, "services are behind the gateway");
    expect(s, gateway[0], 8080, false, "services have no reason to call the gateway");
    for (const t of services) {
      if (s === t) continue;
      expect(s, t, 8080, core.includes(t), core.includes(t) ? "session and membership checks" : "services only call identity and households");
    }
    expect(s, ext.database, 5432, true, "PostgreSQL");
    expect(s, ext.broker, 5672, true, "RabbitMQ");
    expect(gateway[0], s, 9464, false, "metrics are for Prometheus only");
  }
  expect(gateway[0], ext.database, 5432, false, "the gateway has no database");
  for (const x of pods) {
    expect(ext.prometheus, x, 9464, true, "Prometheus scrapes every pod");
    expect(ext.internet, x, 9464, false, "metrics are not public");
    expect(ext.otherPod, x, 9464, false, "only Prometheus scrapes");
    expect(x, ext.dns, 53, true, "name lookups", "UDP");
  }
  return p;
}
function checkNetworkMonolith(objs) {
  const p = [];
  const policies = ofKind(objs, "NetworkPolicy");
  const { pods, ext } = endpoints(objs);
  if (policies.length === 0) return ["no NetworkPolicy"];
  for (const x of pods) {
    if (!allowed(policies, ext.internet, x, 8080)) p.push("the monolith's HTTP port is not reachable");
    if (!allowed(policies, ext.prometheus, x, 9464)) p.push("Prometheus cannot scrape the monolith");
    if (allowed(policies, ext.internet, x, 9464)) p.push("the monolith's metrics port is public");
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// What is committed: no Secret manifest with data, no real env file, the example files hold placeholders only.
function checkCommitted() {
  const p = [];
  const git = spawnSync("git", ["ls-files", "deploy/kubernetes"], { cwd: ROOT, encoding: "utf8" });
  const files = git.status === 0 ? git.stdout.split("\n").filter(Boolean) : walk(KDIR).map((f) => relative(ROOT, f));
  for (const f of files) {
    const full = join(ROOT, f);
    let text;
    try {
      text = readFileSync(full, "utf8");
    } catch {
      continue; // deleted in the working tree
    }
    if (/(^|\/)(secrets|databases)\.env$/.test(f) && git.status === 0) p.push(`${f} is committed`);
    if (/\.ya?ml$/.test(f))
      for (const doc of parseAllDocuments(text)) {
        const o = doc.toJSON();
        if (o?.kind === "Secret" && (o.data || o.stringData)) p.push(`${f}: a Secret with data`);
      }
    if (f.endsWith(".env.example"))
      for (const line of text.split("\n")) {
        if (!line.trim() || line.trim().startsWith("#")) continue;
        const value = line.slice(line.indexOf("=") + 1);
        if (/(key|password|secret|connectionstring)/i.test(line.split("=")[0]) || /password=/i.test(value))
          if (!/change-me/.test(value)) p.push(`${f}: ${line.split("=")[0]} holds something other than a change-me placeholder`);
      }
  }
  for (const o of ["monolith", "services"]) {
    for (const name of ["secrets.env", "databases.env"]) {
      const path = `deploy/kubernetes/overlays/${o}/${name}`;
      const ignored = spawnSync("git", ["check-ignore", "-q", path], { cwd: ROOT });
      if (git.status === 0 && ignored.status !== 0) p.push(`${path} is not ignored by git`);
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// Each check broken once, in memory: the check must then report a problem.
const clone = (x) => structuredClone(x);
const dep = (objs, pred = () => true) => ofKind(objs, "Deployment").find(pred);
const svcDep = (objs, m) => dep(objs, (d) => (moduleArg(containersOf(d)[0]) ?? []).includes(m));
const mutations = [
  ["monolith", "a container without a readiness probe", checkProbes, (o) => delete containersOf(dep(o))[0].readinessProbe],
  ["services", "the gateway's readiness probe on /health/ready", checkProbes, (o) => (containersOf(dep(o, isGateway))[0].readinessProbe.httpGet.path = "/health/ready")],
  ["services", "a container without a memory limit", checkResources, (o) => delete containersOf(svcDep(o, "heating"))[0].resources.limits.memory],
  ["monolith", "readOnlyRootFilesystem false", checkHardening, (o) => (containersOf(dep(o))[0].securityContext.readOnlyRootFilesystem = false)],
  ["services", "runAsNonRoot dropped", checkHardening, (o) => {
    const d = svcDep(o, "expenses");
    delete containersOf(d)[0].securityContext.runAsNonRoot;
    delete d.spec.template.spec.securityContext.runAsNonRoot;
  }],
  ["monolith", "the monolith with a RollingUpdate", checkMonolith, (o) => (dep(o).spec.strategy = { type: "RollingUpdate" })],
  ["monolith", "the monolith's /data on an emptyDir", checkMonolith, (o) => (dep(o).spec.template.spec.volumes.find((v) => v.name === "data").persistentVolumeClaim = undefined)],
  ["services", "the training service removed", checkModules, (o) => o.splice(o.indexOf(svcDep(o, "training")), 1)],
  ["services", "reports dropped from insights' --modules", checkModules, (o) => {
    const a = containersOf(svcDep(o, "reports"))[0].args;
    a[a.indexOf("--modules") + 1] = "metrics,dashboards";
  }],
  ["services", "a service handed another module's database", checkModules, (o) => containersOf(svcDep(o, "heating"))[0].env.push({ name: "TrackStack__Database__ModuleConnectionStrings__identity", valueFrom: { secretKeyRef: { name: "x", key: "identity" } } })],
  ["services", "the gateway's PodDisruptionBudget removed", checkScaling, (o) => o.splice(o.findIndex((x) => x.kind === "PodDisruptionBudget" && x.metadata.name.endsWith("gateway")), 1)],
  ["services", "two replicas of a service on a ReadWriteOnce volume", checkScaling, (o) => (svcDep(o, "nutrition").spec.replicas = 2)],
  ["services", "services reachable from anywhere", checkNetworkServices, (o) => (ofKind(o, "NetworkPolicy").find((n) => n.metadata.name === "services-from-gateway").spec.ingress[0].from = undefined)],
  ["services", "identity/households not reachable from the services", checkNetworkServices, (o) => o.splice(o.findIndex((x) => x.kind === "NetworkPolicy" && x.metadata.name === "identity-households-from-services"), 1)],
  ["services", "every service reachable from every service", checkNetworkServices, (o) => {
    const np = (n) => ofKind(o, "NetworkPolicy").find((x) => x.metadata.name === n);
    np("identity-households-from-services").spec.podSelector = { matchLabels: { "trackstack/tier": "service" } };
    np("services-egress").spec.egress[0].to[0].podSelector = { matchLabels: { "trackstack/tier": "service" } };
  }],
  ["services", "services' egress opened to everything", checkNetworkServices, (o) => (ofKind(o, "NetworkPolicy").find((x) => x.metadata.name === "services-egress").spec.egress = [{}])],
  ["services", "no default deny", checkNetworkServices, (o) => o.splice(o.findIndex((x) => x.kind === "NetworkPolicy" && x.metadata.name === "default-deny"), 1)],
  ["services", "metrics open to all", checkNetworkServices, (o) => (ofKind(o, "NetworkPolicy").find((n) => n.metadata.name === "metrics-from-prometheus").spec.ingress[0].from = undefined)],
  ["monolith", "the monolith's metrics public", checkNetworkMonolith, (o) => (ofKind(o, "NetworkPolicy")[0].spec.ingress[0].ports = undefined)],
  ["services", "a Secret written into the manifests", checkSecretsFromGenerators, (o) => o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "trackstack-db" }, stringData: { a: "b" } })],
  ["services", "a ConfigMap name that does not exist", checkReferences, (o) => (containersOf(svcDep(o, "heating"))[0].envFrom[0].configMapRef.name = "nope")],
  ["monolith", "an image from elsewhere", checkImage, (o) => (containersOf(dep(o))[0].image = "docker.io/library/trackstack")],
];

// ---------------------------------------------------------------------------------------------------------------
const modules = moduleList();
check("repository module list read from ModuleCatalog.cs", () => (modules.length >= 9 ? [] : [`only ${modules.length} modules found: ${modules.join(",")}`]));
check("committed files hold no secret (no Secret manifest with data, env files ignored, examples are placeholders)", checkCommitted);

const version = kubectlVersion();
if (!version) {
  const require = process.env.TRACKSTACK_REQUIRE_KUBECTL === "1";
  record("render the overlays with kubectl kustomize", false, "kubectl is not installed (needs kubectl ≥ 1.21, whose kustomize knows components)", !require);
  finish();
}
const { tmp, targets } = prepareCopy();
const rendered = {};
for (const [name, dir] of Object.entries(targets)) {
  try {
    rendered[name] = render(dir);
    record(`render ${name} (${version.split(" ").slice(0, 3).join(" ")})`, true);
  } catch (e) {
    const old = /unknown field "(labels|components)"/.test(e.message) ? " — this kubectl's built-in kustomize is too old (Debian 12's kubernetes-client is 1.20 with kustomize v2.0.3); use kubectl 1.21 or newer" : "";
    record(`render ${name}`, false, `${e.message}${old} (${version})`);
  }
}
rmSync(tmp, { recursive: true, force: true });

for (const [name, objs] of Object.entries(rendered)) {
  const problems = await schemaProblems(objs);
  record(`${name}: ${objs.length} objects valid against the Kubernetes schemas (kubernetes-models: types, required fields, enums; and no unknown field)`, problems.length === 0, problems.slice(0, 5).join("; "));
}
for (const name of ["monolith", "services"]) {
  const objs = rendered[name];
  if (!objs) continue;
  check(`${name}: every container has startup, readiness and liveness probes on the health endpoints`, checkProbes, objs);
  check(`${name}: every container has CPU and memory requests and limits`, checkResources, objs);
  check(`${name}: non-root, read-only root, no privilege escalation, ALL capabilities dropped, seccomp RuntimeDefault, no API token`, checkHardening, objs);
  check(`${name}: every ConfigMap, Secret, key, volume and Service selector resolves`, checkReferences, objs);
  check(`${name}: Secrets only from secretGenerators`, checkSecretsFromGenerators, objs);
  check(`${name}: the GHCR image, serving on 0.0.0.0:8080`, checkImage, objs);
  check(`${name}: replicas, ReadWriteOnce volumes and PodDisruptionBudgets agree`, checkScaling, objs);
}
if (rendered.monolith) {
  check("monolith: one Deployment, 1 replica, strategy Recreate, /data on a ReadWriteOnce PersistentVolumeClaim", checkMonolith, rendered.monolith);
  check("monolith: NetworkPolicy lets HTTP in and /metrics only to Prometheus", checkNetworkMonolith, rendered.monolith);
}
if (rendered.services) {
  check(`services: each of the ${modules.length} modules (${modules.join(", ")}) runs in exactly one service, routed by the gateway, with its own database`, checkModules, rendered.services, modules);
  check("services: NetworkPolicies, for every pair of pods: outside->gateway, gateway->services, services->identity/households only, metrics from Prometheus, DNS/PostgreSQL/RabbitMQ out", checkNetworkServices, rendered.services);
}
for (const name of ["monolith+ingress", "services+ingress"]) {
  if (rendered[name]) check(`${name}: the Ingress points at the front Service`, checkReferences, rendered[name]);
}
for (const [what, mutate] of [
  ["a misspelt field (readinesProbe)", (o) => (containersOf(dep(o))[0].readinesProbe = containersOf(dep(o))[0].readinessProbe)],
  ["a misspelt nested field (securityContext.readOnlyRootFileSystem)", (o) => (containersOf(dep(o))[0].securityContext.readOnlyRootFileSystem = true)],
  ["a wrong type (replicas: \"1\")", (o) => (dep(o).spec.replicas = "1")],
  ["an unknown policy type", (o) => (ofKind(o, "NetworkPolicy")[0].spec.policyTypes = ["Ingres"])],
]) {
  if (!rendered.monolith) break;
  const objs = clone(rendered.monolith);
  mutate(objs);
  const problems = await schemaProblems(objs);
  record(`can fail: monolith with ${what} fails the schema check`, problems.length > 0, problems.length ? "" : "the check still passed");
}
for (const [overlay, what, fn, mutate] of mutations) {
  if (!rendered[overlay]) continue;
  const objs = clone(rendered[overlay]);
  mutate(objs);
  let problems;
  try {
    problems = fn === checkModules ? fn(objs, modules) : fn(objs);
  } catch (e) {
    problems = [`threw ${e.message}`];
  }
  record(`can fail: ${overlay} with ${what} fails ${fn.name}`, problems.length > 0, problems.length ? "" : "the check still passed");
}
finish();
