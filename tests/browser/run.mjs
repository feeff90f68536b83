// Runs every browser test against a built site: node tests/browser/run.mjs SITE_DIR [name-filter]
// Prints one line per test (with what it measured, if anything) and "N passed, N failed" last; exits non-zero if any failed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2] || path.join(here, '../../build/site'));
const only = process.argv[3] || '';
if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.error(`no site at ${site} (build it first, or pass SITE_DIR)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
let passed = 0;
let failed = 0;
for (const file of files) {
  const mod = await import(path.join(here, file));
  for (const [name, fn] of Object.entries(mod.tests ?? {})) {
    const full = `${file.replace('.test.mjs', '')}: ${name}`;
    if (only && !full.includes(only)) continue;
    const t0 = Date.now();
    try {
      // A test may return a line to print (timings the lead quotes).
      const said = await withTimeout(fn({ site }), 300_000);
      passed += 1;
      console.log(`ok   ${full} (${((Date.now() - t0) / 1000).toFixed(1)} s)${typeof said === 'string' ? `: ${said}` : ''}`);
    } catch (err) {
      failed += 1;
      console.log(`FAIL ${full}: ${err && err.stack ? err.stack.split('\n').slice(0, 4).join('\n     ') : err}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function withTimeout(p, ms) {
  let timer;
  return Promise.race([p, new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${ms / 1000} s`)), ms); })])
    .finally(() => clearTimeout(timer));
}
