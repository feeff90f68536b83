// Independent check of ingest + views on the real Hub samples: a second, simple reader (JSON.parse over the raw
// gzipped lines) computes counts its own way and compares them with `hubreport view` on the built snapshot.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/hubreport');
const realDir = path.resolve(root, '../shared/data/real');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hubreport-verify-'));
let passed = 0, failed = 0;
const check = (what, got, want) => {
  const same = JSON.stringify(got) === JSON.stringify(want);
  same ? passed++ : failed++;
  if (!same) console.log(`FAIL ${what}\n  hubreport: ${JSON.stringify(got)}\n  reference: ${JSON.stringify(want)}`);
};
const view = (dir, name, state = '') => JSON.parse(execFileSync(cli, ['view', dir, '--view', name, '--state', state]).toString());
const tally = (map, key, by = 1) => map.set(key, (map.get(key) || 0) + by);

for (const [file, date] of [['hubstats-models-2026-sample.jsonl.gz', '2026-04-30'], ['api-models-full-2022-02.jsonl.gz', '2022-02-28']]) {
  const records = zlib.gunzipSync(fs.readFileSync(path.join(realDir, file))).toString('utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const dir = path.join(tmp, file.split('.')[0]);
  execFileSync(cli, ['build', '-o', dir, '--id', 'verify', '--date', date, '--models', path.join(realDir, file)], { stdio: 'ignore' });

  // Reference computations, straight from the records.
  const license = (r) => (r.tags || []).find((t) => t.startsWith('license:'))?.slice(8) || 'unknown';
  const byLibrary = new Map(), byLicense = new Map(), byTask = new Map(), byMonth = new Map();
  let downloads = 0;
  for (const r of records) {
    tally(byLibrary, r.library_name || 'unknown');
    tally(byLicense, license(r));
    tally(byTask, r.pipeline_tag || 'unknown');
    if (r.createdAt) tally(byMonth, r.createdAt.slice(0, 7));
    downloads += r.downloads || 0;
  }
  const headline = Object.fromEntries(view(dir, 'headline').rows);
  check(`${file}: models`, headline.models, records.length);
  check(`${file}: downloads (last 30 days)`, headline.downloads, downloads);

  // Sum a long view's rows per category, over all months.
  const perCategory = (v, col, measure) => {
    const i = v.columns.indexOf(col), j = v.columns.indexOf(measure), m = new Map();
    for (const row of v.rows) tally(m, row[i], row[j]);
    return m;
  };
  for (const [name, col, ref] of [['libraries', 'library', byLibrary], ['licenses', 'license', byLicense]]) {
    const got = perCategory(view(dir, name), col, 'repos');
    const named = [...got.keys()].filter((k) => k !== 'other');
    check(`${file}: ${name} per value`, named.map((k) => [k, got.get(k)]).sort(), named.map((k) => [k, ref.get(k)]).sort());
    const rest = [...ref.entries()].filter(([k]) => !named.includes(k)).reduce((a, [, v]) => a + v, 0);
    check(`${file}: ${name} other`, got.get('other') || 0, rest);
  }
  const tasks = perCategory(view(dir, 'tasks'), 'task', 'repos');
  for (const [task, n] of tasks) if (task !== 'other') check(`${file}: task ${task}`, n, byTask.get(task));

  const growth = view(dir, 'growth');
  const gotMonths = growth.rows.filter((r) => r[0] !== null && r[1] > 0).map((r) => [r[0], r[1]]);
  check(`${file}: models created per month`, gotMonths, [...byMonth.entries()].sort());
  const unknownCreated = records.filter((r) => !r.createdAt).length;
  const nullRow = growth.rows.find((r) => r[0] === null);
  check(`${file}: models with unknown creation date`, nullRow ? nullRow[1] : 0, unknownCreated);

  // Concentration from lifetime downloads, where the records have them.
  const lifetimes = records.map((r) => r.downloadsAllTime).filter((d) => typeof d === 'number').sort((a, b) => b - a);
  const conc = view(dir, 'concentration');
  const get = (m, n) => conc.rows.find((r) => r[0] === m && r[1] === n)?.[2];
  if (lifetimes.length) {
    const total = lifetimes.reduce((a, b) => a + b, 0);
    const top200 = lifetimes.slice(0, 200).reduce((a, b) => a + b, 0) / total;
    const under200 = lifetimes.filter((d) => d < 200).length / lifetimes.length;
    check(`${file}: top 200 share`, get('top_models', 200), Math.round(top200 * 1e6) / 1e6);
    check(`${file}: under 200 share`, get('models_under', 200), Math.round(under200 * 1e6) / 1e6);
  } else {
    check(`${file}: unknown lifetime downloads are not zeros`, conc.rows.filter((r) => r[0] !== 'unknown_lifetime').length, 0);
    check(`${file}: models with unknown lifetime`, conc.rows.find((r) => r[0] === 'unknown_lifetime')?.[1], records.length);
  }

  // Publishers: Qwen's repositories by namespace.
  const orgs = view(dir, 'orgs', 'org=Qwen~google');
  for (const org of ['Qwen', 'google']) {
    const want = records.filter((r) => (r.author || (r.id || r.modelId).split('/')[0]) === org && (r.id || r.modelId).includes('/')).length;
    const row = orgs.rows.find((r) => r[0] === org);
    check(`${file}: ${org} repositories`, row ? row[3] : 0, want);
  }
}
// Families on real chains, checked by hand against the records (baseModels of each step):
// RakutenAI-7B-chat <- RakutenAI-7B <- mistralai/Mistral-7B-v0.1; FinancialAdvice-Qwen2.5-7B <- Qwen2.5-7B-Instruct <- Qwen2.5-7B;
// a pruned Llama-3.1-8B-Instruct; Coder-GRPO-3B, a quantization of Qwen2.5-3B-Instruct <- Qwen2.5-3B.
{
  const dir = path.join(tmp, 'families');
  execFileSync(cli, ['build', '-o', dir, '--id', 'families', '--date', '2026-04-30', '--models',
    path.join(realDir, 'hubstats-models-2026-sample.jsonl.gz')], { stdio: 'ignore' });
  const familyRows = (org) => {
    const v = view(dir, 'families', `org=${org}`);
    const c = (name) => v.columns.indexOf(name);
    const sum = new Map();
    for (const r of v.rows) {
      const t = sum.get(r[c('family')]) || { finetune: 0, quantized: 0, merge: 0, direct: 0 };
      for (const k of Object.keys(t)) t[k] += r[c(k)];
      sum.set(r[c('family')], t);
    }
    return sum;
  };
  const rakuten = familyRows('Rakuten');
  check('Rakuten fine-tunes of a Mistral fine-tune are in the Mistral family', rakuten.get('Mistral')?.finetune > 0, true);
  const nguyentd = familyRows('nguyentd').get('Qwen');
  check('a fine-tune of Qwen2.5-7B-Instruct is Qwen, two steps from the root', [nguyentd?.finetune >= 1, nguyentd?.direct < nguyentd?.finetune], [true, true]);
  check('a pruned Llama-3.1-8B-Instruct is Llama', familyRows('ahmeda335').get('Llama')?.finetune, 1);
  check('a quantization of a Qwen fine-tune is Qwen, quantized', familyRows('yasserrmd').get('Qwen')?.quantized >= 1, true);
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`real samples: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
