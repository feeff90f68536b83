// The peer benchmark (issue 5): hubreport against DuckDB-WASM, crossfilter2 and plain JS on the same snapshot, in the
// same headless Chromium, one fresh browser per peer and run. Checks hubreport, DuckDB and plain JS agree on every
// view (and reports where Perspective differs).
// Usage: node bench/run.mjs [--quick] [--runs N] [--peers hubreport,duckdb,plain,crossfilter,perspective] [--timeout S]
//        [--slow-timeout S] [--scales | --scales-only] [--scale-sizes 0.5,1,2,4,8] [--perspective-up-to M] [--snapshot DIR]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { startServer } from '../scripts/serve.mjs';
import { prepare } from './prepare.mjs';
import { compareReports } from './peers/compare.js';
import { peakMemory } from './memory.mjs';
import { FILTERS, BUDGETS, printTables } from './tables.mjs';
import { scaledSnapshot } from './scales.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : fallback);
const quick = flag('--quick');
const runs = Number(option('--runs', quick ? 1 : 5));
const peers = option('--peers', 'hubreport,duckdb,plain,crossfilter,perspective').split(',');
const STEP_TIMEOUT_MS = Number(option('--timeout', 120)) * 1000;  // any step past this prints ">Ns" and ends the run
const SETTLE_MS = 1000;  // between the first (cold) report and the warm ones (runPeer)
// The slow peers: fewer runs, their own step timeout, skipped in the scaling table above a size.
// Perspective takes about 35 s per full report on 220K repositories here, so by default the scaling table leaves it
// out (--perspective-up-to M includes it up to M million repositories).
const SLOW = { crossfilter: { runs: 2, skipAbove: 2.1e6 },
  perspective: { runs: 1, skipAbove: Number(option('--perspective-up-to', 0)) * 1e6, timeoutMs: Number(option('--slow-timeout', 180)) * 1000 } };
const SCALE_SIZES = option('--scale-sizes', '0.5,1,2,4,8').split(',').map(Number);  // millions of repositories
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--js-flags=--max-old-space-size=8192'];

const IMPLS = { hubreport: 'impl-hubreport.js', duckdb: 'impl-duckdb.js', plain: 'impl-plain.js', crossfilter: 'impl-crossfilter.js',
  perspective: 'impl-perspective.js' };
// What each peer downloads besides its data (engine code and wasm), as served from node_modules or build/site.
const ENGINE_FILES = {
  hubreport: ['build/site/hubreport.js', 'build/site/hubreport.wasm'],
  duckdb: ['node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'],
  plain: [],
  crossfilter: ['node_modules/crossfilter2/crossfilter.min.js'],
  perspective: ['node_modules/@finos/perspective/dist/wasm/perspective-server.wasm', 'node_modules/@finos/perspective/dist/wasm/perspective-js.wasm',
    'node_modules/@finos/perspective/dist/cdn/perspective-server.worker.js'],
};
const CHECKED = ['hubreport', 'duckdb', 'plain', 'perspective'];  // peers whose numbers are kept on the first run
const MUST_AGREE = ['duckdb', 'plain'];  // a mismatch with hubreport fails the run; Perspective's are only reported

const median = (xs) => { const v = xs.filter((x) => x != null).sort((a, b) => a - b); return v.length ? v[Math.floor((v.length - 1) / 2)] : null; };
const withTimeout = (p, ms) => Promise.race([p, new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), ms))]);

async function bundle() {
  const out = path.join(root, 'build/bench/bundles');
  await esbuild.build({ entryPoints: Object.values(IMPLS).map((f) => path.join(root, 'bench/peers', f)), bundle: true, format: 'esm',
    outdir: out, logLevel: 'warning', minify: true });
  fs.copyFileSync(path.join(root, 'bench/peers/worker.js'), path.join(out, 'worker.js'));
  fs.copyFileSync(path.join(root, 'bench/peers/page.js'), path.join(out, 'page.js'));
  fs.copyFileSync(path.join(root, 'bench/peers/bench.html'), path.join(out, 'bench.html'));
}

async function launch() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return { browser, memory: peakMemory() };
}

// One fresh browser: instantiate, load, full report (cold, then warm), each filter change; numbers kept on demand.
async function runPeer(base, peer, data, { keepNumbers }) {
  const { browser, memory } = await launch();
  const page = await browser.newPage();
  const out = { filters: {} };
  const timeoutMs = SLOW[peer]?.timeoutMs ?? STEP_TIMEOUT_MS;
  try {
    await page.goto(`${base}/build/bench/bundles/bench.html?impl=${encodeURIComponent(`/build/bench/bundles/${IMPLS[peer].replace('.js', '.js')}`)}`);
    // label: where a timeout is printed (init, load, reportCold, report or a filter).
    const step = async (label, op, ...args) => {
      const r = await withTimeout(page.evaluate(([o, a]) => window.bench(o, ...a), [op, args]), timeoutMs);
      if (r.timeout) throw Object.assign(new Error(`${peer}: ${label} took more than ${timeoutMs / 1000} s`), { timeout: label });
      return r;
    };
    const engineArg = { hubreport: `${base}/build/site/hubreport.js`, duckdb: `${base}/node_modules/@duckdb/duckdb-wasm/dist/`,
      perspective: `${base}/node_modules/@finos/perspective/dist/` }[peer];
    out.init = (await step('init', 'init', engineArg)).ms;
    const loaded = await step('load', 'load', peer === 'hubreport' ? `${base}/${data.snapshotRel}/` : `${base}/${peer === 'duckdb' ? data.arrowRel : data.colsRel}/`);
    out.load = loaded.ms;
    out.heap = loaded.value?.heap;
    const first = await step('reportCold', 'report', '', keepNumbers);
    out.reportCold = first.ms;
    if (keepNumbers) out.numbers = { '': first.value };
    // V8 runs wasm first in its baseline compiler and compiles the functions that turn out hot with its optimizing
    // one in the background: for a few hundred milliseconds after the first reports, calls still run baseline code
    // (hubreport's unfiltered report right after the cold one took 37-76 ms, after a 1 s pause 27-39 ms, and with V8's
    // baseline compiler off, --js-flags=--no-liftoff, 14-17 ms from the first). The warm measurements (full report,
    // filter changes) wait for that, as a reader's first click does.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    out.report = (await step('report', 'report', '', false)).ms;
    for (const q of FILTERS) {
      const r = await step(q, 'report', q, keepNumbers);
      out.filters[q] = r.ms;
      if (keepNumbers) out.numbers[q] = r.value;
    }
  } catch (err) {
    if (err.timeout) out.timedOut = { at: err.timeout, s: timeoutMs / 1000 };
    out.error = err.timeout ? `>${timeoutMs / 1000}s at ${err.timeout}` : String(err.message).split('\n')[0];
  } finally {
    out.memory = memory.stop();
    await browser.close();
  }
  return out;
}

// The real page: open to every view drawn, then each filter change through the page's own history handling.
async function runPage(base) {
  const { browser, memory } = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const out = { filters: {} };
  try {
    await page.goto(`${base}/build/site/`);
    await page.waitForSelector('html[data-state=ready]', { timeout: 120000 });
    out.open = await page.evaluate(() => performance.getEntriesByName('hubreport:open')[0].duration);
    // The open shows the build-time pictures (web/pictures.js): when every one of them is a live chart.
    if (await page.evaluate(() => performance.getEntriesByName('hubreport:charts').length > 0 || Boolean(document.querySelector('img.chart-picture')))) {
      await page.waitForFunction(() => performance.getEntriesByName('hubreport:charts').length > 0, null, { timeout: 60000 });
      out.charts = await page.evaluate(() => performance.getEntriesByName('hubreport:charts')[0].duration);
    }
    for (const q of FILTERS) {
      const before = await page.evaluate(() => performance.getEntriesByName('hubreport:update').length);
      await page.evaluate((query) => { history.pushState(null, '', `?${query}`); dispatchEvent(new PopStateEvent('popstate')); }, q);
      await page.waitForFunction((n) => performance.getEntriesByName('hubreport:update').length > n, before, { timeout: 60000 });
      out.filters[q] = await page.evaluate(() => {
        const last = (name) => performance.getEntriesByName(name).at(-1);
        return { update: last('hubreport:update').duration, engine: last('hubreport:engine').duration, wasm: last('hubreport:engine').detail?.wasmMs };
      });
    }
  } catch (err) {
    out.error = String(err.message).split('\n')[0];
  } finally {
    out.memory = memory.stop();
    await browser.close();
  }
  return out;
}

// The open where no picture fits (a window narrower than the desktop layout): every chart drawn live.
async function runPageLive(base) {
  const { browser, memory } = await launch();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  try {
    await page.goto(`${base}/build/site/`);
    await page.waitForFunction(() => performance.getEntriesByName('hubreport:open').length > 0, null, { timeout: 120000 });
    return await page.evaluate(() => (document.querySelector('img.chart-picture') ? null : performance.getEntriesByName('hubreport:open')[0].duration));
  } catch {
    return null;
  } finally {
    memory.stop(); // its sampling timer would keep the process from exiting
    await browser.close();
  }
}

function sizes(files) {
  let raw = 0, gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += f.endsWith('.gz') ? b.length : zlib.gzipSync(b, { level: 6 }).length;
  }
  return { raw, gz };
}

function downloadBytes(peer, data) {
  const dir = { hubreport: data.snapshot, duckdb: data.arrow, plain: data.cols, crossfilter: data.cols, perspective: data.cols }[peer];
  const files = peer === 'hubreport'
    ? [path.join(dir, 'manifest.json'), ...JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'))).files.map((f) => path.join(dir, f.path))]
    : peer === 'duckdb' ? ['repos.arrow', 'dl.arrow', 'authors.arrow', 'schema.json'].map((f) => path.join(dir, f))
      : fs.readdirSync(dir).filter((f) => f !== 'series_row.u32').map((f) => path.join(dir, f));
  const engineFiles = ENGINE_FILES[peer].map((f) => path.join(root, f));
  if (peer !== 'hubreport') engineFiles.push(path.join(root, 'build/bench/bundles', IMPLS[peer]));
  return { engine: sizes(engineFiles), data: sizes(files) };
}

async function benchData(snapshot) {
  const manifest = JSON.parse(fs.readFileSync(path.join(snapshot, 'manifest.json'), 'utf8'));
  const out = path.join(root, 'build/bench/data', `${manifest.id}-${manifest.counts.repositories}`);
  await prepare(snapshot, out);
  const rel = (p) => path.relative(root, p);
  return { repos: manifest.counts.repositories, snapshot, cols: path.join(out, 'cols'), arrow: path.join(out, 'arrow'),
    snapshotRel: rel(snapshot), colsRel: rel(path.join(out, 'cols')), arrowRel: rel(path.join(out, 'arrow')) };
}

async function measure(base, data, peerList, runCount, withPage) {
  const results = {};
  let failed = false;
  for (const peer of peerList) {
    const n = Math.min(runCount, SLOW[peer]?.runs ?? runCount);
    const list = [];
    for (let i = 0; i < n; i++) {
      process.stderr.write(`bench: ${peer} run ${i + 1}/${n} (${data.repos} repositories)\n`);
      const r = await runPeer(base, peer, data, { keepNumbers: i === 0 && CHECKED.includes(peer) });
      list.push(r);
      if (r.error) { process.stderr.write(`bench: ${peer}: ${r.error}\n`); break; }
    }
    results[peer] = summarize(list);
    results[peer].bytes = downloadBytes(peer, data);
  }
  // Correctness under speed: every view hubreport computed must come out the same from DuckDB and plain JS;
  // Perspective's differences (on the views it computes) are printed but do not fail the run.
  const check = {};
  const ref = results.hubreport?.numbers;
  for (const peer of CHECKED.slice(1)) {
    // A peer that must agree but produced nothing to compare fails the run too: an unchecked run proves nothing.
    if (!ref || !results[peer]?.numbers) {
      if (MUST_AGREE.includes(peer) && peerList.includes(peer) && peerList.includes('hubreport')) failed = true;
      continue;
    }
    check[peer] = {};
    for (const q of Object.keys(ref)) {
      if (!results[peer].numbers[q]) continue;
      for (const [view, problem] of Object.entries(compareReports(ref[q], results[peer].numbers[q]))) {
        (check[peer][view] ||= []).push(problem ? `${q || '(no filter)'}: ${problem}` : null);
        if (problem && MUST_AGREE.includes(peer)) failed = true;
      }
    }
  }
  if (withPage) {
    const list = [];
    for (let i = 0; i < runCount; i++) {
      process.stderr.write(`bench: page run ${i + 1}/${runCount}\n`);
      list.push({ ...await runPage(base), openLive: await runPageLive(base) });
    }
    results.page = {
      open: median(list.map((r) => r.open)), charts: median(list.map((r) => r.charts)), openLive: median(list.map((r) => r.openLive)),
      error: list.find((r) => r.error)?.error, memory: median(list.map((r) => r.memory)),
      filters: Object.fromEntries(FILTERS.map((q) => [q, { update: median(list.map((r) => r.filters[q]?.update)),
        engine: median(list.map((r) => r.filters[q]?.engine)), wasm: median(list.map((r) => r.filters[q]?.wasm)) }])),
    };
  }
  return { results, check, failed };
}

function summarize(list) {
  const ok = list.filter((r) => !r.error || r.init != null);
  const pick = (f) => median(ok.map(f));
  return {
    runs: list.length, error: list.find((r) => r.error)?.error, timedOut: list.find((r) => r.timedOut)?.timedOut,
    init: pick((r) => r.init), load: pick((r) => r.load), reportCold: pick((r) => r.reportCold), report: pick((r) => r.report),
    filters: Object.fromEntries(FILTERS.map((q) => [q, pick((r) => r.filters[q])])),
    memory: pick((r) => r.memory), heap: pick((r) => r.heap), numbers: list[0]?.numbers,
  };
}

const server = await startServer({ dir: root, listenPort: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
try {
  await bundle();
  const index = JSON.parse(fs.readFileSync(path.join(root, 'build/site/snapshots/index.json'), 'utf8'));
  const snapshot = path.resolve(option('--snapshot', path.join(root, 'build/site/snapshots', index.default)));
  const data = await benchData(snapshot);
  const main = flag('--scales-only') ? { failed: false } : await measure(base, data, peers, runs, !option('--snapshot'));
  const wasmBytes = fs.statSync(path.join(root, 'build/site/hubreport.wasm')).size;
  if (!flag('--scales-only')) printTables({ data, main, runs, wasmBytes, budgets: BUDGETS, slow: SLOW });
  if (flag('--scales') || flag('--scales-only')) {
    const rows = [];
    for (const millions of quick ? [0.5] : SCALE_SIZES) {
      const snap = scaledSnapshot(root, millions / 4.4);
      const d = await benchData(snap);
      const skipped = peers.filter((p) => SLOW[p]?.skipAbove != null && d.repos > SLOW[p].skipAbove);
      rows.push({ data: d, skipped, ...(await measure(base, d, peers.filter((p) => !skipped.includes(p)), 1, false)) });
    }
    printTables({ scaling: rows, slow: SLOW });
    if (rows.some((r) => r.failed)) main.failed = true;
  }
  process.exitCode = main.failed ? 1 : 0;
} finally {
  server.close();
}
