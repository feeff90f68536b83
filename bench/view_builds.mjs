// The page's own share of drawing: every view's option and reading built from the snapshot's precomputed default
// views (web/charts/*, no ECharts), under node. Usage: node bench/view_builds.mjs [SNAPSHOT_DIR] [RUNS=21]
// Prints the first build of all twelve (code not yet optimized, as at the page's open) and the median of the rest,
// per view and in all. Absolute times on a shared 2-core machine are noisy; compare builds side by side.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { VIEWS } from '../web/charts/index.js';
import * as S from '../web/state.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8'));
const dir = process.argv[2] || path.join(root, 'build/site/snapshots', index.default);
const runs = Number(process.argv[3] || 21);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const viewsFile = manifest.files.find((f) => f.role === 'views');
if (!viewsFile) throw new Error(`${dir} has no precomputed views file`);
const slices = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, viewsFile.path))));
const theme = { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff', bg: '#fff', accent: '#36c', accent2: '#e45', font: 'sans-serif' };
const ctx = { theme, narrow: false, width: 890, singleDump: false, snapshotDate: manifest.date ?? null };
const state = S.read(manifest.default_state);

const times = Object.fromEntries(VIEWS.map((v) => [v.name, []]));
for (let i = 0; i < runs; i++) {
  // A fresh copy each run, as each engine answer is: the views keep what they derive from a slice they have seen.
  const fresh = structuredClone(slices);
  for (const v of VIEWS) {
    const t0 = performance.now();
    v.build(state, fresh[v.name], ctx);
    v.reading?.(state, fresh[v.name], ctx);
    times[v.name].push(performance.now() - t0);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f = (x) => x.toFixed(1).padStart(8);
console.log(`| view (build + reading, ms) |    first | median of next ${runs - 1} |`);
console.log('|---|---|---|');
let first = 0, rest = 0;
for (const v of VIEWS) {
  const [a, ...b] = times[v.name];
  first += a;
  rest += median(b);
  console.log(`| ${v.name} | ${f(a)} | ${f(median(b))} |`);
}
console.log(`| all twelve | ${f(first)} | ${f(rest)} |`);
