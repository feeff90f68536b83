// Peer: crossfilter2 over one record per repository (the record is its row index into the exported typed arrays).
// Each view is a group on the dimension it ignores (crossfilter's groups ignore their own dimension's filter, the
// report's cross-filtering), reducing repositories per creation month and downloads per download month; the time
// window is applied when the group values are read. Covers the group-bys of growth, geography, sectors, families,
// tasks, sizes, licenses, libraries, sdks and orgs (orgs: lifetime totals, no window). Not covered: headline,
// concentration, top-N ranking; its numbers are not checked.
import crossfilter from 'crossfilter2';
import { readColumns } from './columns.js';
import { allowedCodes, parseQuery, timeWindow, UNKNOWN_MONTH } from './state.js';

let D, schema, cf, dims, groups, M;
export async function init() {}

export async function load(dataUrl) {
  let bytes = 0;
  const get = async (f) => { const b = await (await fetch(new URL(f, dataUrl))).arrayBuffer(); bytes += b.byteLength; return b; };
  [schema, D] = await Promise.all([get('schema.json').then((b) => JSON.parse(new TextDecoder().decode(b))), readColumns(get)]);
  const n = schema.rows, first = schema.data_first;
  M = schema.month - first + 2;  // months since the first data month, plus one slot for unknown creation dates
  const slot = (m) => (m === UNKNOWN_MONTH ? M - 1 : m - first);
  const records = new Array(n);
  for (let i = 0; i < n; i++) records[i] = i;
  cf = crossfilter(records);
  const col = (c) => (i) => D[c][i];
  dims = {
    type: cf.dimension(col('type')), country: cf.dimension(col('country')), sector: cf.dimension(col('sector')),
    org: cf.dimension(col('author')), task: cf.dimension(col('task')), license: cf.dimension(col('license')),
    library: cf.dimension(col('library')), size: cf.dimension(col('size')), sdk: cf.dimension(col('sdk')),
    family: cf.dimension((i) => D.family[i] * 8 + D.relation[i]),
  };
  const { series_start: ss, series_month: sm, series_downloads: sd, created } = D;
  // Per key: repositories per creation month [0, M) and downloads per download month [M, 2M).
  const monthly = (only) => [
    (p, i) => { if (!only || only(i)) { p[slot(created[i])]++; for (let j = ss[i]; j < ss[i + 1]; j++) p[M + sm[j] - first] += sd[j]; } return p; },
    (p, i) => { if (!only || only(i)) { p[slot(created[i])]--; for (let j = ss[i]; j < ss[i + 1]; j++) p[M + sm[j] - first] -= sd[j]; } return p; },
    () => new Float64Array(2 * M)];
  const models = (i) => D.type[i] === 0;
  groups = {
    growth: dims.type.group().reduce(...monthly()), geography: dims.country.group().reduce(...monthly()),
    sectors: dims.sector.group().reduce(...monthly()), families: dims.family.group().reduce(...monthly()),
    tasks: dims.task.group().reduce(...monthly()), sizes: dims.size.group().reduce(...monthly(models)),
    licenses: dims.license.group().reduce(...monthly()), libraries: dims.library.group().reduce(...monthly()),
    sdks: dims.sdk.group().reduce(...monthly((i) => D.type[i] === 2)),
    orgs: dims.org.group().reduce(
      (p, i) => { p.repos++; for (let j = ss[i]; j < ss[i + 1]; j++) p.dls += sd[j]; return p; },
      (p, i) => { p.repos--; for (let j = ss[i]; j < ss[i + 1]; j++) p.dls -= sd[j]; return p; },
      () => ({ repos: 0, dls: 0 })),
  };
  return { bytes };
}

export async function report(query) {
  const st = parseQuery(query), allowed = allowedCodes(schema, st), w = timeWindow(schema, st), first = schema.data_first;
  const set = (codes) => { const s = new Uint8Array(65536); for (const c of codes || []) s[c] = 1; return s; };
  for (const d of ['type', 'country', 'sector', 'org', 'license', 'library', 'size', 'sdk']) {
    if (!allowed[d]) dims[d].filterAll();
    else { const ok = set(allowed[d]); dims[d].filterFunction((v) => ok[v] === 1); }
  }
  if (!allowed.task && !allowed.modality) dims.task.filterAll();
  else {
    const okT = allowed.task && set(allowed.task), okM = allowed.modality && set(allowed.modality);
    dims.task.filterFunction((t) => (!okT || okT[t] === 1) && (!okM || okM[schema.task_modality[t]] === 1));
  }
  if (!allowed.family && !allowed.relation) dims.family.filterAll();
  else {
    const okF = allowed.family && set(allowed.family), okR = allowed.relation && set(allowed.relation);
    dims.family.filterFunction((v) => (!okF || okF[Math.floor(v / 8)] === 1) && (!okR || okR[v % 8] === 1));
  }
  // Read every group inside the window: (key, month, repos, downloads) rows, like the engine's long slices.
  const lo = Math.max(w.lo - first, 0), hi = w.hi - first;
  const out = {};
  for (const [view, g] of Object.entries(groups)) {
    if (view === 'orgs') {
      out.orgs = g.top(50).map((x) => [schema.authors[x.key], x.value.repos, x.value.dls]);
      continue;
    }
    const rows = [];
    for (const { key, value } of g.all())
      for (let m = lo; m <= hi; m++) if (value[m] || value[M + m]) rows.push([key, m, value[m], value[M + m]]);
    out[view] = rows;
  }
  return out;
}
