// Native and wasm must give byte-identical view output on the same snapshot and state.
// Runs `hubreport view --view all` and the wasm module (as the page's worker drives it) on the real 2026 sample,
// the real 2022 sample and the default synthetic snapshot, for several states, and compares the bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './engine_node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/hubreport');
const real = path.resolve(root, '../shared/data/real');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hubreport-parity-'));

const snapshots = [];
const build = (id, args) => {
  const dir = path.join(tmp, id);
  execFileSync(cli, ['build', '-o', dir, '--id', id, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  snapshots.push(dir);
};
build('real-2026', ['--models', path.join(real, 'hubstats-models-2026-sample.jsonl.gz'), '--date', '2026-04-30']);
build('real-2022', ['--models', path.join(real, 'api-models-full-2022-02.jsonl.gz'), '--date', '2022-02-28']);
const def = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8')).default;
snapshots.push(path.join(root, 'build/site/snapshots', def));

const states = ['', 'country=CN~US', 'from=2025-01&to=2025-12&type=model', 'sector=community&relation=quantized~finetune',
  'size=1to9b&library=transformers&cum=1', 'org=Qwen~meta-llama&modality=text', 'family=Qwen&license=apache-2.0',
  'country=ZZ', 'to=2023-06'];

let passed = 0, failed = 0;
for (const dir of snapshots) {
  const engine = await loadEngine(path.join(root, 'build/wasm'));
  await engine.open(dir);
  for (const q of states) {
    const native = execFileSync(cli, ['view', dir, '--view', 'all', '--state', q], { maxBuffer: 1 << 28 }).toString();
    const wasm = engine.call({ op: 'views', query: q }) + '\n';
    const csvNative = execFileSync(cli, ['view', dir, '--view', 'orgs', '--format', 'csv', '--state', q]).toString();
    const csvWasm = engine.call({ op: 'view', query: q, view: 'orgs', format: 'csv' });
    if (native === wasm && csvNative === csvWasm) passed++;
    else {
      failed++;
      let i = 0;
      while (i < native.length && native[i] === wasm[i]) i++;
      console.log(`MISMATCH ${path.basename(dir)} '${q}' at byte ${i}: native ${JSON.stringify(native.slice(i - 40, i + 40))} wasm ${JSON.stringify(wasm.slice(i - 40, i + 40))}`);
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`parity: ${snapshots.length} snapshots x ${states.length} states`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
