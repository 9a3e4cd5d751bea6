#!/usr/bin/env node
// Adds up test result files and prints "passed failed skipped" for ./trackstack test.
// Understands Vitest's JSON reporter output and the {passed, failed, skipped} files of e2e/run.mjs and gen-api.mjs.
// A missing or unreadable file counts as one failure (the step did not report).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`trackstack: ${file} was not written; counting the step as failed`);
    failed++;
    continue;
  }
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    if ('numTotalTests' in r) {
      passed += r.numPassedTests;
      skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      // A test file that fails to load fails no single test; count it so it cannot pass unnoticed.
      failed += r.numFailedTests + (r.numFailedTests === 0 && r.success === false ? Math.max(1, r.numFailedTestSuites ?? 1) : 0);
    } else {
      passed += r.passed ?? 0;
      failed += r.failed ?? 0;
      skipped += r.skipped ?? 0;
    }
  } catch (e) {
    console.error(`trackstack: cannot read ${file}: ${e.message}`);
    failed++;
  }
}
console.log(`${passed} ${failed} ${skipped}`);
