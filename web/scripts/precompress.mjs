#!/usr/bin/env node
// Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every text file of the built shell, once at
// build time, so the host sends the smallest copy the browser accepts without compressing per request (ADR 0012).
//
//   node scripts/precompress.mjs [DIR]     (default: shell/dist)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? 'shell/dist');
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
// Below this the headers cost more than the bytes saved.
const MIN_BYTES = 1024;

function walk(path) {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

let files = 0, raw = 0, br = 0;
for (const file of walk(dir).filter((f) => TEXT.test(f))) {
  const bytes = readFileSync(file);
  if (bytes.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const gzip = gzipSync(bytes, { level: 9 });
  if (brotli.length < bytes.length) writeFileSync(`${file}.br`, brotli);
  if (gzip.length < bytes.length) writeFileSync(`${file}.gz`, gzip);
  files++; raw += bytes.length; br += Math.min(brotli.length, bytes.length);
}
console.log(`precompress: ${files} files in ${dir}, ${(raw / 1024).toFixed(0)} kB -> ${(br / 1024).toFixed(0)} kB brotli`);
