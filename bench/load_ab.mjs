// Side by side: how long two (or more) wasm builds of the engine take to load the default snapshot (parse and
// build), and the wasm memory each holds after it, under node, alternating. Usage:
// AB=build/wasm,/tmp/other-wasm node --no-experimental-fetch bench/load_ab.mjs [RUNS=5]
// Prints the median load time and the memory of each build: compare ratios, not absolute times. A build given as
// DIR@SNAPSHOT_DIR opens that snapshot instead of the default one (a build of another format).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../tests/wasm/engine_node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8'));
const dir = path.join(root, 'build/site/snapshots', index.default);
const dirs = (process.env.AB || 'build/wasm').split(',');
const runs = Number(process.argv[2] || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const times = dirs.map(() => []), memory = dirs.map(() => 0);
for (let i = 0; i < runs; i++) {
  for (const [k, d] of dirs.entries()) {
    const [build, snapshot] = d.split('@');
    const e = await loadEngine(path.resolve(root, build));
    const t0 = process.hrtime.bigint();
    await e.open(snapshot ? path.resolve(root, snapshot) : dir);
    times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
    memory[k] = e.heapBytes();
  }
}
console.log(`| build | load (median of ${runs}) | wasm memory after load |\n|---|---|---|`);
dirs.forEach((d, k) => console.log(`| ${d} | ${(median(times[k]) / 1000).toFixed(2)} s | ${(memory[k] / 1e6).toFixed(1)} MB |`));
