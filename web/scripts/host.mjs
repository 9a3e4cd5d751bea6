// Starts the real TrackStack host (Release build) on a free port with a fresh data dir, and stops it by PID.
// Shared by the API generator and the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hostDll = join(repoRoot, 'src/Host/TrackStack.Host/bin/Release/net10.0/TrackStack.Host.dll');

export function buildHost() {
  const r = spawnSync('dotnet', ['build', 'src/Host/TrackStack.Host', '-c', 'Release', '-nologo', '-v', 'quiet', '-clp:ErrorsOnly'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  if (r.status !== 0) throw new Error('dotnet build of the host failed');
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

// Cheap hashing and generous limits keep the browser tests fast; production defaults are tested in .NET.
const testSettings = {
  TrackStack__Auth__PasswordHashIterations: '1',
  TrackStack__Auth__PasswordHashMemoryKiB: '1024',
  TrackStack__RateLimits__AuthPerMinute: '10000',
  TrackStack__Gateway__RateLimits__AuthPerMinute: '10000',
  TrackStack__Gateway__RateLimits__IngestPerMinute: '100000',
};

/**
 * The distributed topology instead of one host: `./trackstack cluster up` in a fresh cluster folder (PostgreSQL,
 * RabbitMQ, a process per service, the gateway), the same settings as startHost plus `env`, stopped and removed
 * by `cluster down --wipe`. Answers the same shape as startHost, with the gateway as baseUrl.
 * @param {{ webRoot?: string, env?: Record<string,string> }} [options]
 */
export async function startCluster(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'trackstack-cluster-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when this runs as root, and must reach its folder
  const envFile = join(dir, 'settings.env');
  const settings = { ...testSettings, ...(options.env ?? {}) };
  writeFileSync(envFile, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  const env = {
    ...process.env,
    TRACKSTACK_CLUSTER_DIR: join(dir, 'cluster'),
    TRACKSTACK_CLUSTER_NO_BUILD: '1',
    ...(options.webRoot ? { TrackStack__WebRoot: options.webRoot } : {}),
  };
  const cli = (...args) => spawnSync(join(repoRoot, 'trackstack'), ['cluster', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = join(dir, 'cluster', 'logs');
  // The last lines of every process's log, kept when the cluster is removed so a failed run can still show them.
  let kept = null;
  const tail = () => kept ?? (existsSync(logs)
    ? readdirSync(logs).flatMap((f) => readFileSync(join(logs, f), 'utf8').split('\n').filter(Boolean).slice(-8).map((l) => `${f}: ${l}`))
    : []);
  const stop = () => { kept = tail(); cli('down', '--wipe'); rmSync(dir, { recursive: true, force: true }); };
  process.on('exit', stop);
  // A CI timeout or Ctrl-C must not leave the cluster running (its parts run in sessions of their own).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => { process.off('exit', stop); stop(); process.exit(130); });
  const up = cli('up', '--env-file', envFile);
  if (up.status !== 0) {
    const detail = `${up.stderr}`.split('\n').slice(-30).join('\n');
    stop();
    throw new Error(`./trackstack cluster up failed:\n${detail}`);
  }
  return {
    baseUrl: up.stdout.trim().split('\n').pop(),
    dataDir: join(dir, 'cluster'),
    pid: 0,
    get output() { return tail(); },
    async stop() { process.off('exit', stop); stop(); },
  };
}

/** @param {{ webRoot?: string, env?: Record<string,string>, log?: (line: string) => void }} [options] */
export async function startHost(options = {}) {
  if (!existsSync(hostDll)) throw new Error(`${hostDll} is missing; build the host first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'trackstack-web-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    TrackStack__DataDir: dataDir,
    TrackStack__PublicBaseUrl: baseUrl,
    ...testSettings,
    // A developer's own ./trackstack run may hold the default management port.
    TrackStack__Monitoring__MetricsPort: '0',
    ...(options.webRoot ? { TrackStack__WebRoot: options.webRoot } : {}),
    ...(options.env ?? {}),
  };
  const child = spawn('dotnet', [hostDll, 'serve', '--urls', baseUrl], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const collect = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      output.push(line);
      if (output.length > 400) output.shift();
      options.log?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  // If this script dies first (Ctrl-C, a closed pipe, an exception), the host must not outlive it.
  const orphanGuard = () => {
    if (!exited) { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', orphanGuard);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => { orphanGuard(); process.exit(130); });
  child.on('exit', () => { exited = true; process.off('exit', orphanGuard); });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the host exited during start-up:\n${output.slice(-30).join('\n')}`);
    try {
      const r = await fetch(`${baseUrl}/health/live`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      process.kill(child.pid, 'SIGKILL');
      throw new Error(`the host did not answer /health/live within 60 s:\n${output.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    baseUrl,
    dataDir,
    pid: child.pid,
    output,
    async stop() {
      if (!exited) {
        process.kill(child.pid, 'SIGTERM');
        const until = Date.now() + 10_000;
        while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        if (!exited) process.kill(child.pid, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
