// Where a snapshot's bytes go: each column of the row parts (and each dictionary) gzipped on its own at level 9,
// in bytes per repository. Usage: node bench/snapshot_columns.mjs [SNAPSHOT_DIR] [EVERY_NTH_PART]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const index = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8'));
const dir = process.argv[2] || path.join(root, 'build/site/snapshots', index.default);
const every = Number(process.argv[3] || 1);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const gz = (value) => zlib.gzipSync(JSON.stringify(value), { level: 9 }).length;
const read = (f) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, f.path))));

const rows = manifest.files.filter((f) => f.role === 'rows').filter((_, k) => k % every === 0);
const bytes = new Map();
let repos = 0, whole = 0;
for (const f of rows) {
  const part = read(f);
  repos += part.rows;
  whole += f.bytes;
  for (const [key, value] of Object.entries(part)) {
    if (key !== 'group' && key !== 'rows') bytes.set(key, (bytes.get(key) || 0) + gz(value));
  }
}
const all = manifest.counts.repositories;
const dicts = manifest.files.filter((f) => f.role === 'dicts').map(read);
const perRepo = (b, n) => (b / n).toFixed(3).padStart(7);
console.log(`${dir}: ${rows.length} of the row parts, ${repos.toLocaleString('en')} repositories`);
console.log('| column | B/repo |\n|---|---|');
for (const [key, b] of [...bytes].sort((a, b) => b[1] - a[1])) console.log(`| ${key} | ${perRepo(b, repos)} |`);
const sum = [...bytes.values()].reduce((a, b) => a + b, 0);
console.log(`| (columns apart, sum) | ${perRepo(sum, repos)} |`);
console.log(`| (the parts as stored) | ${perRepo(whole, repos)} |`);
for (const d of dicts) {
  for (const [key, value] of Object.entries(d)) console.log(`| dictionary ${key} | ${perRepo(gz(value), all)} |`);
}
