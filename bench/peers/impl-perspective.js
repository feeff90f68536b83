// Peer: Perspective 3.8 (@finos/perspective). The bench worker hosts Perspective's client; its engine (the C++
// server, perspective-server.wasm) runs in a nested module worker started here from node_modules (no CDN), as
// DuckDB's does. Data: the same binary columns as plain JS and crossfilter, turned into two Arrow IPC tables in
// this worker and ingested by Perspective: `r` (one row per repository) and `d` (one row per repository and
// download month, with the repository's filter columns copied onto it: Perspective has no joins).
//
// Each view is one or two Perspective views (group_by + filter + sum aggregates), read with to_columns(); JS only
// picks the rows a view counts by creation month, ranks categories (top N) and lays out rows, reusing the SQL peer's
// shaping (report-sql.js). Computed: growth, geography, sectors, families, tasks, licenses, libraries, sdks, orgs,
// concentration (a flat view sorted by lifetime downloads; the cumulative sums in JS) and headline. Not computed:
// sizes (its download-weighted mean and median parameter count are not a Perspective aggregate).
import perspective from '@finos/perspective';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { readColumns } from './columns.js';
import { sqlReport } from './report-sql.js';
import { COLUMN_OF, OWN, SECTOR_NAMES, UNKNOWN_MONTH, allowedCodes, parseQuery, round6, timeWindow } from './state.js';

export const VIEWS_COMPUTED = ['headline', 'concentration', 'growth', 'geography', 'sectors', 'families', 'orgs', 'tasks', 'licenses',
  'libraries', 'sdks'];
const FILTER_COLUMNS = ['type', 'country', 'sector', 'author', 'task', 'modality', 'library', 'license', 'family', 'relation', 'size', 'sdk'];

let client, R, Dl, schema, authorCountry, authorSector, lastTimings = {};
// Per-view milliseconds of the last report (for development: the worker answers op "timings").
export async function timings() { return lastTimings; }

export async function init(distUrl) {
  globalThis.customElements ??= { get: () => undefined };  // the client looks for <perspective-viewer>; none in a worker
  perspective.init_server(fetch(new URL('wasm/perspective-server.wasm', distUrl)));
  perspective.init_client(fetch(new URL('wasm/perspective-js.wasm', distUrl)));
  client = await perspective.worker(Promise.resolve(new Worker(new URL('cdn/perspective-server.worker.js', distUrl), { type: 'module' })));
}

export async function load(dataUrl) {
  let bytes = 0;
  const get = async (f) => { const b = await (await fetch(new URL(f, dataUrl))).arrayBuffer(); bytes += b.byteLength; return b; };
  let D;
  [schema, D] = await Promise.all([get('schema.json').then((b) => JSON.parse(new TextDecoder().decode(b))), readColumns(get)]);
  const n = schema.rows, ss = D.series_start, S = ss[n];
  authorCountry = D.author_country;
  authorSector = D.author_sector;
  // Signed 32-bit integer columns (Perspective's "integer"); lifetime downloads and likes as float (may exceed 2^31).
  const i32 = (a) => Int32Array.from(a);
  const likes = new Float64Array(n);
  for (let i = 0; i < n; i++) likes[i] = D.likes[i] === 0xffffffff ? 0 : D.likes[i];
  const r = { one: new Int32Array(n).fill(1), created: i32(D.created), direct: i32(D.direct), downloads_all: D.downloads_all, likes };
  for (const c of FILTER_COLUMNS) r[c] = i32(D[c]);
  R = await client.table(ipc(r), { name: 'r' });
  const d = { month: i32(D.series_month), downloads: Float64Array.from(D.series_downloads) };
  for (const c of FILTER_COLUMNS) {
    const src = D[c], out = new Int32Array(S);
    for (let i = 0; i < n; i++) out.fill(src[i], ss[i], ss[i + 1]);
    d[c] = out;
  }
  Dl = await client.table(ipc(d), { name: 'd' });
  return { bytes, rows: await R.size(), downloadRows: await Dl.size() };
}

function ipc(columns) {
  const bytes = tableToIPC(tableFromArrays(columns), 'stream');
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
}

// One Perspective view: group_by + filter, sum aggregates; returns the leaf rows as objects.
async function grouped(table, groupBy, sums, filter, extra = {}) {
  const view = await table.view({ group_by: groupBy, columns: sums, aggregates: Object.fromEntries(sums.map((c) => [c, 'sum'])),
    filter, ...extra });
  const cols = await view.to_columns();
  await view.delete();
  const paths = cols.__ROW_PATH__, rows = [];
  for (let i = 0; i < paths.length; i++) {
    if (paths[i].length !== groupBy.length) continue;  // rollup (total) rows
    const o = {};
    groupBy.forEach((g, j) => { o[g] = paths[i][j]; });
    for (const c of sums) o[c] = cols[c][i];
    rows.push(o);
  }
  return rows;
}

export async function report(query) {
  const st = parseQuery(query), w = timeWindow(schema, st), { lo, hi, windowed } = w;
  const allowed = allowedCodes(schema, st);
  const where = (view) => {
    const own = OWN[view] || [];
    const out = [];
    for (const [dim, codes] of Object.entries(allowed)) {
      if (own.includes(dim)) continue;
      if (codes.length > 1) throw new Error(`perspective peer: ${dim} names ${codes.length} codes (one supported)`);
      out.push([COLUMN_OF[dim], '==', codes.length ? codes[0] : -1]);
    }
    return out;
  };
  const inWindow = [['month', '>=', lo], ['month', '<=', hi]];
  const counted = (c) => (windowed ? c !== UNKNOWN_MONTH && c >= lo && c <= hi : c === UNKNOWN_MONTH || c <= hi);
  const month = (c) => (c === UNKNOWN_MONTH ? null : c);
  const views = Object.fromEntries(sqlReport(schema, st).map((v) => [v.view, v]));
  const out = {};
  lastTimings = {};
  let mark = performance.now();
  const lap = (name) => { const now = performance.now(); lastTimings[name] = Math.round(now - mark); mark = now; };

  // Repositories per (creation month, key) and downloads per (download month, key): the SQL peer's `monthly` rows.
  async function monthly(view, cols, keyOf, { withDownloads = true, rowFilter = [] } = {}) {
    const cells = new Map();
    const cell = (m, k) => {
      const key = `${m}|${k}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { m, k, repos: 0, dls: 0 }));
      return c;
    };
    for (const x of await grouped(R, ['created', ...cols], ['one'], [...where(view), ...rowFilter])) {
      const k = keyOf(x);
      if (k != null && counted(x.created)) cell(month(x.created), k).repos += x.one;
    }
    if (withDownloads) {
      for (const x of await grouped(Dl, ['month', ...cols], ['downloads'], [...where(view), ...rowFilter, ...inWindow])) {
        const k = keyOf(x);
        if (k != null && x.downloads) cell(x.month, k).dls += x.downloads;
      }
    }
    return [...cells.values()].filter((c) => c.repos > 0 || c.dls > 0);
  }
  // Top 12 of a dictionary by repositories counted (ties: lower code), every entry ranked, zeros included.
  const rankTop = (totals, size, K = 12) => Array.from({ length: size - 1 }, (_, i) => i + 1)
    .sort((a, b) => (totals.get(b) || 0) - (totals.get(a) || 0) || a - b).slice(0, K).map((c, i) => ({ c, k: i + 1 }));

  {
    const rows = (await grouped(R, ['created', 'type'], ['one'], where('growth')))
      .filter((x) => x.created === UNKNOWN_MONTH || x.created <= hi).map((x) => ({ m: month(x.created), type: x.type, n: x.one }));
    out.growth = views.growth.shape([rows]);
    lap('growth');
  }
  for (const [view, col] of [['geography', 'country'], ['sectors', 'sector']])
    out[view] = views[view].shape([await monthly(view, [col], (x) => x[col])]), lap(view);

  for (const [view, col, dict] of [['licenses', 'license', schema.licenses], ['libraries', 'library', schema.libraries]]) {
    const base = await monthly(view, [col], (x) => x[col]);
    const totals = new Map();
    for (const x of base) if (x.repos) totals.set(x.k, (totals.get(x.k) || 0) + x.repos);
    const top = rankTop(totals, dict.length), rank = new Map(top.map((t) => [t.c, t.k]));
    const merged = new Map();
    for (const x of base) {
      const k = x.k === 0 ? 0 : rank.get(x.k) ?? 13, key = `${x.m}|${k}`;
      const c = merged.get(key) || merged.set(key, { m: x.m, k, repos: 0, dls: 0 }).get(key);
      c.repos += x.repos, c.dls += x.dls;
    }
    out[view] = views[view].shape([top, [...merged.values()]]);
    lap(view);
  }
  {
    const base = await monthly('sdks', ['type', 'sdk'], (x) => (x.type === 2 ? x.sdk : 0), { withDownloads: false });
    const merged = new Map(), totals = new Map();
    for (const x of base) {
      const key = `${x.m}|${x.k}`;
      const c = merged.get(key) || merged.set(key, { m: x.m, k: x.k, repos: 0, dls: 0 }).get(key);
      c.repos += x.repos;
      totals.set(x.k, (totals.get(x.k) || 0) + x.repos);
    }
    const top = rankTop(totals, 6), rank = new Map(top.map((t) => [t.c, t.k]));
    const rows = [];
    for (const x of merged.values()) {
      const k = x.k === 0 ? 0 : rank.get(x.k) ?? 13;
      const prev = rows.find((y) => y.m === x.m && y.k === k);
      if (prev) prev.repos += x.repos; else rows.push({ m: x.m, k, repos: x.repos, dls: 0 });
    }
    out.sdks = views.sdks.shape([top, rows]);
    lap('sdks');
  }
  {
    // tasks: per type (models, datasets) the top 20 tasks by repositories counted, the rest as "other" (k = 20).
    const base = await monthly('tasks', ['type', 'task'], (x) => (x.type <= 1 ? x.type * 65536 + x.task : null));
    const totals = new Map();
    for (const x of base) if (x.repos) totals.set(x.k, (totals.get(x.k) || 0) + x.repos);
    const rankOf = new Map();
    for (const t of [0, 1]) {
      [...totals.keys()].filter((key) => Math.floor(key / 65536) === t).sort((a, b) => totals.get(b) - totals.get(a) || a - b)
        .slice(0, 20).forEach((key, i) => rankOf.set(key, i));
    }
    const merged = new Map();
    for (const x of base) {
      const type = Math.floor(x.k / 65536), k = rankOf.get(x.k) ?? 20, key = `${type}|${k}|${x.m}`;
      const c = merged.get(key) || merged.set(key, { type, k, task: k < 20 ? x.k % 65536 : null, m: x.m, repos: 0, dls: 0 }).get(key);
      c.repos += x.repos, c.dls += x.dls;
    }
    out.tasks = views.tasks.shape([[...merged.values()]]);
    lap('tasks');
  }
  {
    // families: the 15 families with the most derivatives counted, repositories per month by relation.
    const base = (await grouped(R, ['family', 'created', 'relation'], ['one', 'direct'], [...where('families'), ['family', '>', 0]]))
      .filter((x) => counted(x.created));
    const deriv = new Map();
    for (const x of base) if (x.relation > 0) deriv.set(x.family, (deriv.get(x.family) || 0) + x.one);
    const top = new Set([...deriv.keys()].sort((a, b) => deriv.get(b) - deriv.get(a) || a - b).slice(0, 15));
    const cells = new Map();
    for (const x of base) {
      if (!top.has(x.family)) continue;
      const key = `${x.family}|${x.created}`;
      const c = cells.get(key) || cells.set(key, { family: x.family, m: month(x.created), r0: 0, r1: 0, r2: 0, r3: 0, r4: 0, direct: 0 }).get(key);
      c[`r${x.relation}`] += x.one, c.direct += x.direct;
    }
    out.families = views.families.shape([[...cells.values()]]);
    lap('families');
  }
  {
    // orgs: per author repositories and likes counted, repositories of the last 12 and previous 12 months,
    // downloads in the window; the top 50 by downloads, repositories, name.
    const lastLo = hi >= 11 ? hi - 11 : 0, prevLo = hi >= 23 ? hi - 23 : 0;
    const acc = new Map();
    const get = (a) => acc.get(a) || acc.set(a, { repos: 0, likes: 0, dls: 0, last12: 0, prev12: 0 }).get(a);
    // Perspective 3.8 compares an integer column with a number wrongly inside expressions (`"created" > 305` is
    // false on every row, `"created" < 305` true): compare float("created") instead.
    const c = 'float("created")';
    const between = (a, b) => `(${c} >= ${a}) and (${c} <= ${b})`;
    const isCounted = windowed ? between(lo, hi) : `(${c} == ${UNKNOWN_MONTH}) or (${c} <= ${hi})`;
    const expressions = {
      repos: `if (${isCounted}) { 1 } else { 0 }`, likes_counted: `if (${isCounted}) { "likes" } else { 0 }`,
      last12: `if (${between(lastLo, hi)}) { 1 } else { 0 }`,
      prev12: `if (${between(prevLo, lastLo - 1)}) { 1 } else { 0 }`,
    };
    for (const x of await grouped(R, ['author'], Object.keys(expressions), where('orgs'), { expressions })) {
      const o = get(x.author);
      o.repos += x.repos, o.likes += x.likes_counted, o.last12 += x.last12, o.prev12 += x.prev12;
    }
    for (const x of await grouped(Dl, ['author'], ['downloads'], [...where('orgs'), ...inWindow])) get(x.author).dls += x.downloads;
    const names = schema.authors;
    const list = [...acc.entries()].filter(([, o]) => o.repos || o.dls)
      .sort(([a, x], [b, y]) => y.dls - x.dls || y.repos - x.repos || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0)).slice(0, 50);
    out.orgs = views.orgs.shape([list.map(([a, o]) => ({ name: names[a], country: authorCountry[a], sector: authorSector[a], ...o }))]);
    lap('orgs');
  }
  {
    // concentration: models counted with a known lifetime download count, sorted by Perspective; cumulative in JS.
    const view = await R.view({ columns: ['downloads_all', 'created'], filter: [...where('concentration'), ['type', '==', 0]],
      sort: [['downloads_all', 'desc']] });
    const cols = await view.to_columns();
    await view.delete();
    let models = 0, unknown = 0, total = 0;
    const under = [1, 10, 100, 200, 1000, 10000], u = under.map(() => 0), cum = [];
    for (let i = 0; i < cols.downloads_all.length; i++) {
      if (!counted(cols.created[i])) continue;
      const v = cols.downloads_all[i];
      if (v < 0) { unknown++; continue; }
      models++, total += v, cum.push(total);
      under.forEach((k, j) => { if (v < k) u[j]++; });
    }
    const t = { models, unknown, total, ...Object.fromEntries(under.map((k, j) => [`u${k}`, u[j]])) };
    const ranks = new Set([10, 100, 200, 1000, 10000, 100000].filter((x) => x <= models));
    for (let j = 0; j <= 20; j++) ranks.add(Math.ceil((j / 20) * models));
    const cums = [...ranks].filter((x) => x > 0).map((rn) => ({ rn, cum: cum[rn - 1] }));
    out.concentration = views.concentration.shape([[t]], cums);
    lap('concentration');
  }
  {
    const perType = [0, 0, 0];
    for (const x of await grouped(R, ['type', 'created'], ['one'], where('headline'))) if (counted(x.created)) perType[x.type] += x.one;
    const types = perType.map((n, type) => ({ type, n }));
    const leadLo = hi >= 11 ? hi - 11 : 0;
    // Downloads in the window (one total), and by country and by sector over the window's last 12 months.
    const total = await grouped(Dl, ['type'], ['downloads'], [...where('headline'), ...inWindow]);
    const recentFilter = [...where('headline'), ['month', '>=', Math.max(lo, leadLo)], ['month', '<=', hi]];
    const byCountry = await grouped(Dl, ['country'], ['downloads'], recentFilter), bySector = await grouped(Dl, ['sector'], ['downloads'], recentFilter);
    // The SQL peer's headline shape for the counts and the total; the leading country and sector set here.
    const downloads = total.reduce((a, x) => a + x.downloads, 0);
    const rows = [{ country: 0, sector: 0, recent: false, dls: downloads }];
    const shaped = views.headline.shape([types, rows], out.concentration);
    const c = new Float64Array(schema.countries.length), sct = new Float64Array(5);
    for (const x of byCountry) c[x.country] += x.downloads;
    for (const x of bySector) sct[x.sector] += x.downloads;
    let known = 0, leadC = 0, sectorTotal = 0, leadS = 0;
    for (let j = 1; j < c.length; j++) { known += c[j]; if (leadC === 0 || c[j] > c[leadC]) leadC = j; }
    for (let j = 0; j < 5; j++) { sectorTotal += sct[j]; if (sct[j] > sct[leadS]) leadS = j; }
    const set = (key, v) => { shaped.find((x) => x[0] === key)[1] = v; };
    set('leading_country', known ? schema.countries[leadC] : null);
    set('leading_country_share', known ? round6(c[leadC] / known) : null);
    set('leading_sector', sectorTotal ? SECTOR_NAMES[leadS] : null);
    set('leading_sector_share', sectorTotal ? round6(sct[leadS] / sectorTotal) : null);
    out.headline = shaped;
    lap('headline');
  }
  return out;
}
