// Engine benchmark (wasm under node, and the native CLI for comparison): snapshot load and view latency.
// Usage: node --no-experimental-fetch bench/engine_bench.mjs [SNAPSHOT_DIR] [RUNS=7]
// Prints a table of medians. Absolute times on a shared 2-core machine are noisy; compare ratios.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../tests/wasm/engine_node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8'));
const dir = process.argv[2] || path.join(root, 'build/site/snapshots', index.default);
const runs = Number(process.argv[3] || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
// The data parts only: the precomputed default views (role "views", listed last) are not loaded into the engine.
manifest.files = manifest.files.filter((f) => f.role !== 'views');
const compressed = manifest.files.reduce((a, f) => a + f.bytes, 0);
const raw = manifest.files.reduce((a, f) => a + f.raw_bytes, 0);
const repos = manifest.counts.repositories;

// Load: decompress every part (node zlib, like DecompressionStream) then parse in wasm, part by part.
const parts = manifest.files.map((f) => fs.readFileSync(path.join(dir, f.path)));
const loadTimes = [], gunzipTimes = [], finishTimes = [];
let engine, info;
for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) {
  engine = await loadEngine(path.resolve(root, process.env.HUBREPORT_WASM_DIR || 'build/wasm'));
  let t0 = process.hrtime.bigint();
  const texts = parts.map((p) => zlib.gunzipSync(p));
  gunzipTimes.push(ms(t0));
  t0 = process.hrtime.bigint();
  engine.call({ op: 'begin', manifest: fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8') });
  texts.forEach((t, k) => engine.part(k, t));
  const t1 = process.hrtime.bigint();
  info = JSON.parse(engine.call({ op: 'finish' }));
  finishTimes.push(ms(t1));
  loadTimes.push(ms(t0));
}

engine.call({ op: 'configure', cache: false });
const states = ['', 'country=CN', 'type=model&from=2025-01', 'sector=community&size=1to9b', 'org=Qwen', 'family=Qwen&relation=quantized'];
const rows = [];
for (const q of states) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    engine.call({ op: 'views', query: q });
    t.push(ms(t0));
  }
  rows.push([q || '(default)', median(t)]);
}
let nativeAll = null;
// HUBREPORT_CLI: another build's command line (a path that does not exist skips it, as when comparing wasm builds).
const cli = process.env.HUBREPORT_CLI || path.join(root, 'build/native/hubreport');
if (fs.existsSync(cli)) {
  const t = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync(cli, ['view', dir, '--view', 'all'], { maxBuffer: 1 << 28 });
    t.push(ms(t0));
  }
  nativeAll = median(t);
}

const f = (x) => x.toFixed(1).padStart(9);
console.log(`snapshot ${manifest.id}: ${repos.toLocaleString('en')} repositories, ${(compressed / 1e6).toFixed(2)} MB compressed ` +
  `(${(compressed / repos).toFixed(2)} bytes/repository), ${(raw / 1e6).toFixed(1)} MB JSON`);
console.log(`wasm heap after load: ${(engine.heapBytes() / 1e6).toFixed(0)} MB (${(engine.heapBytes() / repos).toFixed(1)} bytes/repository); store ${(info.memory_bytes / 1e6).toFixed(0)} MB`);
console.log('');
console.log('| step (wasm, node 20, medians)            |        ms |');
console.log('|------------------------------------------|-----------|');
console.log(`| gunzip all parts (node zlib)             | ${f(median(gunzipTimes))} |`);
console.log(`| parse + build store (simdjson in wasm)   | ${f(median(loadTimes))} |  ${(raw / 1e6 / (median(loadTimes) / 1000)).toFixed(0)} MB/s`);
console.log(`|   of which: group items, sort, postings   | ${f(median(finishTimes))} |`);
for (const [q, t] of rows) console.log(`| all 12 views: ${q.padEnd(27)} | ${f(t)} |`);
if (nativeAll !== null) console.log(`| native CLI: load + all views (process)   | ${f(nativeAll)} |`);
