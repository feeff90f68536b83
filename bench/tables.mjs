// The benchmark's fixed filter list, the issue's budgets, and the printed tables.
export const FILTERS = ['country=CN', 'type=model&from=2025-01', 'sector=community', 'license=apache-2.0', 'size=1to9b',
  'org=Qwen', 'family=Qwen&relation=quantized'];
export const BUDGETS = { openMs: 1500, engineMs: 25, redrawMs: 100, snapshotBytesPerRepo: 6, wasmBytes: 250 * 1024, heapBytesPerRepo: 60 };

const ms = (v) => (v == null ? '-' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const mb = (v) => (v == null ? '-' : `${(v / 1048576).toFixed(v < 10485760 ? 2 : 0)} MB`);
const ratio = (v, ref) => (v == null || !ref ? '' : ` (${(v / ref).toFixed(v / ref < 10 ? 1 : 0)}x)`);
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const filterStats = (r) => {
  const v = Object.values(r.filters || {}).filter((x) => x != null);
  return v.length ? { median: [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)], worst: Math.max(...v) } : {};
};

export function printTables({ data, main, runs, wasmBytes, budgets, scaling }) {
  if (main) printMain(data, main, runs, wasmBytes, budgets);
  if (scaling) printScaling(scaling);
}

function printMain(data, { results, check, failed }, runs, wasmBytes, budgets) {
  const hub = results.hubreport || {};
  const hubF = filterStats(hub);
  console.log(`\n## Peers on ${data.repos.toLocaleString('en')} repositories (${data.snapshotRel}); medians of up to ${runs} runs (crossfilter: 2), each in a fresh headless Chromium; ratio = peer / hubreport\n`);
  const rows = [];
  for (const [peer, r] of Object.entries(results)) {
    if (peer === 'page') continue;
    const f = filterStats(r);
    const cut = r.error ? ` (${r.error})` : '';
    rows.push([peer + cut, ms(r.init) + ratio(r.init, hub.init), ms(r.load) + ratio(r.load, hub.load), ms(r.reportCold),
      ms(r.report) + ratio(r.report, hub.report), ms(f.median) + ratio(f.median, hubF.median), ms(f.worst) + ratio(f.worst, hubF.worst),
      mb(r.memory) + ratio(r.memory, hub.memory), `${mb(r.bytes.engine.raw)} / ${mb(r.bytes.engine.gz)}`,
      `${mb(r.bytes.data.raw)} / ${mb(r.bytes.data.gz)}`]);
  }
  console.log(table(['peer', 'instantiate', 'load (fetch + ingest)', 'first report', 'full report', 'filter change (median)',
    'filter change (worst)', 'renderer peak RSS', 'engine download raw / gzip', 'data download raw / gzip'], rows));

  console.log('\n### Recompute after each filter change (the whole report, every view; hubreport with its caches off)\n');
  const peers = Object.keys(results).filter((p) => p !== 'page');
  console.log(table(['filter', ...peers, ...(results.page ? ['page: update (engine)'] : [])], ['', ...Object.keys(hub.filters || {})].slice(1).map((q) => [
    `\`${q}\``, ...peers.map((p) => ms(results[p].filters?.[q]) + ratio(results[p].filters?.[q], hub.filters?.[q])),
    ...(results.page ? [`${ms(results.page.filters[q]?.update)} (${ms(results.page.filters[q]?.engine)})`] : [])])));

  console.log('\n### Same numbers? (every view, no filter and each filter; hubreport is the reference)\n');
  const views = Object.keys(check.duckdb || check.plain || {});
  console.log(table(['view', ...Object.keys(check)], views.map((v) => [v, ...Object.keys(check).map((p) => {
    const list = check[p][v] || [];
    const bad = list.filter(Boolean);
    return bad.length ? `MISMATCH ${bad.length}/${list.length}: ${bad[0].slice(0, 160)}` : `OK (${list.length} states)`;
  })])));
  if (!views.length) console.log('(not checked: hubreport or DuckDB did not finish)');
  if (failed) console.log('\n**hubreport and DuckDB disagree: the benchmark fails.**');

  if (!budgets) return;
  const page = results.page || {};
  const pageF = Object.values(page.filters || {});
  const worstUpdate = pageF.length ? Math.max(...pageF.map((x) => x.update ?? 0)) : null;
  const worstRedraw = pageF.length ? Math.max(...pageF.map((x) => (x.update ?? 0) - (x.engine ?? 0))) : null;
  const snapBytes = hub.bytes?.data.raw;
  const verdict = (v, limit) => (v == null ? 'not measured' : v <= limit ? 'met' : 'NOT met');
  console.log('\n### Budgets (issue 5)\n');
  console.log(table(['budget', 'limit', 'measured', ''], [
    ['page open to every view drawn (`hubreport:open`, median)', '1.5 s', ms(page.open), verdict(page.open, budgets.openMs)],
    ['engine recompute per filter change (worker, caches off, worst filter)', '25 ms', ms(hubF.worst), verdict(hubF.worst, budgets.engineMs)],
    ['redraw after a filter change (`hubreport:update` - `hubreport:engine`, worst filter)', '100 ms', ms(worstRedraw), verdict(worstRedraw, budgets.redrawMs)],
    ['filter change to every view redrawn (`hubreport:update`, worst filter)', '-', ms(worstUpdate), ''],
    ['snapshot, compressed', '6 B/repo', snapBytes ? `${(snapBytes / data.repos).toFixed(2)} B/repo` : '-', verdict(snapBytes && snapBytes / data.repos, budgets.snapshotBytesPerRepo)],
    ['wasm module', '250 KB', `${(wasmBytes / 1024).toFixed(0)} KB`, verdict(wasmBytes, budgets.wasmBytes)],
    ['wasm heap after load', '60 B/repo', hub.heap ? `${(hub.heap / data.repos).toFixed(1)} B/repo (${mb(hub.heap)})` : '-', verdict(hub.heap && hub.heap / data.repos, budgets.heapBytesPerRepo)],
  ]));
}

function printScaling(rows) {
  console.log('\n## Scaling (one run each; full report / median filter change / load / peak memory)\n');
  const peers = [...new Set(rows.flatMap((r) => Object.keys(r.results)))];
  console.log(table(['repositories', ...peers, 'same numbers (DuckDB)'], rows.map((r) => [r.data.repos.toLocaleString('en'), ...peers.map((p) => {
    const x = r.results[p];
    if (!x) return 'skipped';
    return `${ms(x.report)} / ${ms(filterStats(x).median)} / ${ms(x.load)} / ${mb(x.memory)}${x.error ? ` (${x.error})` : ''}`;
  }), r.failed ? 'MISMATCH' : Object.keys(r.check.duckdb || {}).length ? 'OK' : '-'])));
}
