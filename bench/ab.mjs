// Side by side: two (or more) wasm builds of the engine on the same snapshot and states, under node, caches off.
// Usage: AB=build/wasm,/tmp/other-wasm [VIEW=all|headline|...] node --no-experimental-fetch bench/ab.mjs 'STATE' ...
// A build given as DIR@SNAPSHOT_DIR opens that snapshot instead of the default one (a build of another format).
// Prints, per state, the median of 21 alternating runs for each build: compare ratios, not absolute times. Exits 1
// when a build answers a state differently from the first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../tests/wasm/engine_node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8'));
const dir = path.join(root, 'build/site/snapshots', index.default);
const dirs = (process.env.AB || 'build/wasm').split(',');
const view = process.env.VIEW || 'all';
const engines = [];
for (const d of dirs) {
  const [build, snapshot] = d.split('@');
  const e = await loadEngine(path.resolve(root, build));
  await e.open(snapshot ? path.resolve(root, snapshot) : dir);
  e.call({ op: 'configure', cache: false });
  engines.push(e);
}
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`| state (${view}) | ${dirs.join(' | ')} |`);
console.log(`|---|${dirs.map(() => '---').join('|')}|`);
for (const q of process.argv.slice(2).length ? process.argv.slice(2) : ['']) {
  const times = engines.map(() => []);
  const replies = engines.map(() => null);
  for (let i = 0; i < 21; i++)
    engines.forEach((e, k) => {
      const t0 = process.hrtime.bigint();
      replies[k] = view === 'all' ? e.call({ op: 'views', query: q }) : e.call({ op: 'view', query: q, view });
      times[k].push(ms(t0));
    });
  // A faster build that answers differently is not faster.
  const differ = replies.findIndex((r) => JSON.stringify(r) !== JSON.stringify(replies[0]));
  if (differ > 0) {
    console.error(`${dirs[differ]} answers \`${q}\` differently from ${dirs[0]}`);
    process.exitCode = 1;
  }
  console.log(`| \`${q || '(none)'}\` | ${times.map((t) => median(t).toFixed(2)).join(' | ')} |`);
}
