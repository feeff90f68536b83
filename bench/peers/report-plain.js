// The whole report as plain JS loops over typed arrays, one row per repository (no grouping, no indexes): the
// baseline a developer would write by hand. Same slices as the engine (docs/contracts.md section 2).
import { COLUMN_OF, DIMS, OWN, RELATION_NAMES, SECTOR_NAMES, SIZE_NAMES, MODALITY_NAMES, SDK_NAMES, TYPE_NAMES, UNKNOWN_MONTH,
  allowedCodes, formatMonth, paramBinMid, period, round6, timeWindow } from './state.js';

const U = UNKNOWN_MONTH;

export function plainReport(D, schema, st) {
  const n = schema.rows;
  const w = timeWindow(schema, st);
  const { lo, hi, windowed, axisFirst, months } = w;
  const slots = months + 1;
  const allowed = allowedCodes(schema, st);
  const mask = new Uint16Array(n);
  for (const [d, codes] of Object.entries(allowed)) {
    const col = D[COLUMN_OF[d]], bit = 1 << DIMS.indexOf(d);
    const ok = new Uint8Array(Math.max(...codes, 0) + 1);
    for (const c of codes) ok[c] = 1;
    for (let r = 0; r < n; r++) if (!ok[col[r]]) mask[r] |= bit;
  }
  const keep = (view) => ~(OWN[view] || []).reduce((b, d) => b | (1 << DIMS.indexOf(d)), 0) & 0xffff;
  const { type, created, series_start: ss, series_month: sm, series_downloads: sd } = D;
  const counted = windowed ? (c) => c !== U && c >= lo && c <= hi : (c) => c === U || c <= hi;
  const slot = (m) => (m === U || m < axisFirst || m > hi ? months : m - axisFirst);
  const monthCell = (s) => (s < months ? formatMonth(axisFirst + s) : null);
  const out = {};

  // Long (month, category, downloads|repos) tables; catOf(r) < k.
  function byMonth(view, k, catOf, withDownloads, rowsOnly = null) {
    const m = keep(view), repos = new Float64Array(slots * k), dls = new Float64Array(slots * k);
    for (let r = 0; r < n; r++) {
      if (mask[r] & m || (rowsOnly && !rowsOnly(r))) continue;
      const cat = catOf(r), c = created[r];
      if (counted(c)) repos[slot(c) * k + cat]++;
      if (withDownloads)
        for (let j = ss[r], e = ss[r + 1]; j < e; j++) { const mo = sm[j]; if (mo >= lo && mo <= hi) dls[slot(mo) * k + cat] += sd[j]; }
    }
    return { repos, dls };
  }
  const totals = (view, k, catOf, rowsOnly = null) => {
    const m = keep(view), t = new Float64Array(k);
    for (let r = 0; r < n; r++) if (!(mask[r] & m) && (!rowsOnly || rowsOnly(r)) && counted(created[r])) t[catOf(r)]++;
    return t;
  };

  // headline + concentration
  {
    const m = keep('headline'), repos = [0, 0, 0], leadLo = hi >= 11 ? hi - 11 : 0;
    const byCountry = new Float64Array(schema.countries.length), bySector = new Float64Array(5);
    let downloads = 0, modelsCounted = 0;
    const lifetimes = [];
    for (let r = 0; r < n; r++) {
      if (mask[r] & m) continue;
      const c = created[r];
      if (counted(c)) {
        repos[type[r]]++;
        if (type[r] === 0) { modelsCounted++; if (D.downloads_all[r] >= 0) lifetimes.push(D.downloads_all[r]); }
      }
      for (let j = ss[r], e = ss[r + 1]; j < e; j++) {
        const mo = sm[j];
        if (mo < lo || mo > hi) continue;
        downloads += sd[j];
        if (mo >= leadLo) byCountry[D.country[r]] += sd[j], bySector[D.sector[r]] += sd[j];
      }
    }
    const life = Float64Array.from(lifetimes).sort().reverse();
    const models = life.length, cum = new Float64Array(models + 1);
    for (let i = 0; i < models; i++) cum[i + 1] = cum[i] + life[i];
    const total = cum[models];
    const topShare = (rank) => (total ? cum[rank] / total : 0);
    const top = [10, 100, 200, 1000, 10000, 100000].map((N) => [N, N <= models ? topShare(N) : total ? 1 : 0]);
    const under = [1, 10, 100, 200, 1000, 10000].map((K) => {
      let below = 0;
      for (let i = models - 1; i >= 0 && life[i] < K; i--) below++;
      return [K, models ? below / models : null];
    });
    const lorenz = [];
    for (let j = 0; j <= 20; j++) lorenz.push([j / 20, models ? 1 - topShare(Math.ceil(((20 - j) / 20) * models)) : null]);
    const unknown = modelsCounted - models;
    const conc = [];
    if (models) {
      for (const [N, v] of top) conc.push(['top_models', N, round6(v)]);
      for (const [K, v] of under) conc.push(['models_under', K, round6(v)]);
      for (const [x, v] of lorenz) conc.push(['lorenz', round6(x), round6(v)]);
    }
    if (unknown || models) conc.push(['unknown_lifetime', unknown, round6(unknown / (unknown + models))]);
    out.concentration = conc;
    let known = 0, leadC = 0, sectorTotal = 0, leadS = 0;
    for (let j = 1; j < byCountry.length; j++) { known += byCountry[j]; if (leadC === 0 || byCountry[j] > byCountry[leadC]) leadC = j; }
    for (let j = 0; j < 5; j++) { sectorTotal += bySector[j]; if (bySector[j] > bySector[leadS]) leadS = j; }
    out.headline = [['models', repos[0]], ['datasets', repos[1]], ['spaces', repos[2]], ['repositories', repos[0] + repos[1] + repos[2]],
      ['downloads', downloads], ['period', period(schema, w)],
      ['top200_share', models ? round6(top[2][1]) : null], ['under200_share', models ? round6(under[3][1]) : null],
      ['leading_country', known ? schema.countries[leadC] : null], ['leading_country_share', known ? round6(byCountry[leadC] / known) : null],
      ['leading_sector', sectorTotal ? SECTOR_NAMES[leadS] : null], ['leading_sector_share', sectorTotal ? round6(bySector[leadS] / sectorTotal) : null]];
  }

  // growth
  {
    const m = keep('growth'), cnt = new Float64Array(slots * 3), run = [0, 0, 0];
    for (let r = 0; r < n; r++) {
      if (mask[r] & m) continue;
      const c = created[r];
      if (c !== U && c < axisFirst) run[type[r]]++;
      else if (c === U || c <= hi) cnt[slot(c) * 3 + type[r]]++;
    }
    const rows = [];
    for (let s = 0; s < months; s++) {
      const row = [monthCell(s)];
      for (let t = 0; t < 3; t++) { run[t] += cnt[s * 3 + t]; row.push(st.cumulative ? run[t] : cnt[s * 3 + t]); }
      rows.push(row);
    }
    const u = months * 3;
    if (!windowed && (cnt[u] || cnt[u + 1] || cnt[u + 2])) rows.push([null, cnt[u], cnt[u + 1], cnt[u + 2]]);
    out.growth = rows;
  }

  const longTable = (view, names, catOf) => {
    const k = names.length, { repos, dls } = byMonth(view, k, catOf, true), rows = [];
    for (let s = 0; s < slots; s++)
      for (let j = 0; j < k; j++) if (dls[s * k + j] || repos[s * k + j]) rows.push([monthCell(s), names[j], dls[s * k + j], repos[s * k + j]]);
    return rows;
  };
  out.geography = longTable('geography', schema.countries, (r) => D.country[r]);
  out.sectors = longTable('sectors', SECTOR_NAMES, (r) => D.sector[r]);

  // families
  {
    const m = keep('families'), F = schema.families.length, fam = D.family, rel = D.relation;
    const deriv = totals('families', F, (r) => fam[r], (r) => fam[r] && rel[r]);
    const order = [];
    for (let f = 1; f < F; f++) if (deriv[f]) order.push(f);
    order.sort((a, b) => deriv[b] - deriv[a] || a - b);
    order.length = Math.min(order.length, 15);
    const rank = new Int32Array(F).fill(-1);
    order.forEach((f, i) => { rank[f] = i; });
    const cells = new Float64Array(order.length * slots * 6);
    for (let r = 0; r < n; r++) {
      const k = rank[fam[r]];
      if (k < 0 || mask[r] & m || !counted(created[r])) continue;
      const base = (k * slots + slot(created[r])) * 6;
      cells[base + (rel[r] ? rel[r] - 1 : 4)]++;
      if (D.direct[r]) cells[base + 5]++;
    }
    const rows = [];
    for (let k = 0; k < order.length; k++)
      for (let s = 0; s < slots; s++) {
        const c = cells.subarray((k * slots + s) * 6, (k * slots + s + 1) * 6);
        if (c.some((v) => v)) rows.push([schema.families[order[k]], monthCell(s), ...c]);
      }
    out.families = rows;
  }

  // orgs
  {
    const m = keep('orgs'), A = schema.authors.length, author = D.author, likes = D.likes;
    const repos = new Float64Array(A), dls = new Float64Array(A), lk = new Float64Array(A), last = new Float64Array(A), prev = new Float64Array(A);
    const lastLo = hi >= 11 ? hi - 11 : 0, prevLo = hi >= 23 ? hi - 23 : 0;
    for (let r = 0; r < n; r++) {
      if (mask[r] & m) continue;
      const a = author[r], c = created[r];
      if (counted(c)) { repos[a]++; if (likes[r] !== 0xffffffff) lk[a] += likes[r]; }
      if (c !== U && c <= hi) { if (c >= lastLo) last[a]++; else if (c >= prevLo) prev[a]++; }
      for (let j = ss[r], e = ss[r + 1]; j < e; j++) { const mo = sm[j]; if (mo >= lo && mo <= hi) dls[a] += sd[j]; }
    }
    const cand = [];
    for (let a = 0; a < A; a++) if (repos[a] || dls[a]) cand.push(a);
    const names = schema.authors;
    cand.sort((x, y) => dls[y] - dls[x] || repos[y] - repos[x] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
    out.orgs = cand.slice(0, 50).map((a) => [names[a], schema.countries[D.author_country[a]], SECTOR_NAMES[D.author_sector[a]], repos[a], dls[a],
      lk[a], prev[a], last[a], prev[a] ? round6(last[a] / prev[a] - 1) : null]);
  }

  // tasks
  {
    const rows = [], T = schema.tasks.length, task = D.task;
    for (const t of [0, 1]) {
      const total = totals('tasks', T, (r) => task[r], (r) => type[r] === t);
      const order = [];
      for (let k = 0; k < T; k++) if (total[k]) order.push(k);
      order.sort((a, b) => total[b] - total[a] || a - b);
      const kept = Math.min(order.length, 20), slotOf = new Int32Array(T).fill(20);
      for (let j = 0; j < kept; j++) slotOf[order[j]] = j;
      const { repos, dls } = byMonth('tasks', 21, (r) => slotOf[task[r]], true, (r) => type[r] === t);
      for (let k = 0; k <= 20; k++) {
        if (k < 20 && k >= kept) continue;
        const name = k < 20 ? schema.tasks[order[k]] : 'other';
        const mod = k < 20 ? MODALITY_NAMES[schema.task_modality[order[k]]] : 'other';
        for (let s = 0; s < slots; s++) {
          const rp = repos[s * 21 + k], dl = dls[s * 21 + k];
          if (rp || dl) rows.push([name, TYPE_NAMES[t], mod, monthCell(s), rp, dl]);
        }
      }
    }
    out.tasks = rows;
  }

  // sizes: the parameter-weighted mean needs exact integers beyond 2^53: 20-bit limbs of the parameter count,
  // each summed in a double flushed to a BigInt before it could lose precision.
  {
    const m = keep('sizes'), B = 5, size = D.size, params = D.params, pbin = D.pbin;
    const { repos, dls } = byMonth('sizes', B, (r) => size[r], true, (r) => type[r] === 0);
    const known = new Float64Array(slots), hist = new Float64Array(slots * 1024);
    const acc = new Float64Array(slots * 3), big = Array.from({ length: slots * 3 }, () => 0n);
    for (let r = 0; r < n; r++) {
      const p = params[r];
      if (type[r] !== 0 || !p || mask[r] & m) continue;
      const limbs = [p % 2 ** 20, Math.floor(p / 2 ** 20) % 2 ** 20, Math.floor(p / 2 ** 40)];
      for (let j = ss[r], e = ss[r + 1]; j < e; j++) {
        const mo = sm[j];
        if (mo < lo || mo > hi) continue;
        const s = slot(mo), d = sd[j];
        known[s] += d;
        hist[s * 1024 + pbin[r]] += d;
        for (let l = 0; l < 3; l++) {
          const i = s * 3 + l;
          if (acc[i] >= 2 ** 52) big[i] += BigInt(acc[i]), acc[i] = 0;
          acc[i] += limbs[l] * d;
        }
      }
    }
    const rows = [];
    for (let s = 0; s < slots; s++) {
      let any = false, rp = 0, dl = 0;
      for (let b = 0; b < B; b++) {
        rp += repos[s * B + b], dl += dls[s * B + b];
        if (repos[s * B + b] || dls[s * B + b]) any = true, rows.push([monthCell(s), SIZE_NAMES[b], repos[s * B + b], dls[s * B + b], null, null]);
      }
      if (!any) continue;
      let mean = null, median = null;
      if (known[s]) {
        const weighted = (big[s * 3] + BigInt(acc[s * 3])) + (big[s * 3 + 1] + BigInt(acc[s * 3 + 1])) * 2n ** 20n + (big[s * 3 + 2] + BigInt(acc[s * 3 + 2])) * 2n ** 40n;
        const K = BigInt(known[s]), q = weighted / K, rem = weighted % K;
        mean = Number(q + (2n * rem >= K ? 1n : 0n));
        const half = Math.floor((known[s] + 1) / 2);
        for (let b = 0, a = 0; b < 1024; b++) if ((a += hist[s * 1024 + b]) >= half) { median = Math.round(paramBinMid(b)); break; }
      }
      rows.push([monthCell(s), 'all', rp, dl, mean, median]);
    }
    out.sizes = rows;
  }

  // licenses, libraries, sdks: top 12 categories by repositories (every dictionary entry ranks, zeros included),
  // the rest as "other"; category 0 stays apart.
  const ranked = (view, dict, catOf, withDownloads) => {
    const K = 12, total = totals(view, dict.length, catOf);
    const order = Array.from({ length: dict.length - 1 }, (_, i) => i + 1).sort((a, b) => total[b] - total[a] || a - b);
    const outIndex = new Int32Array(dict.length).fill(K + 1), names = [dict[0]];
    outIndex[0] = 0;
    order.slice(0, K).forEach((c, j) => { outIndex[c] = j + 1; names.push(dict[c]); });
    while (names.length < K + 1) names.push('');
    names.push('other');
    const { repos, dls } = byMonth(view, K + 2, (r) => outIndex[catOf(r)], withDownloads);
    const k = K + 2, rows = [];
    for (let s = 0; s < slots; s++)
      for (let j = 0; j < k; j++) {
        if (!names[j] || (!dls[s * k + j] && !repos[s * k + j])) continue;
        rows.push(withDownloads ? [monthCell(s), names[j], repos[s * k + j], dls[s * k + j]] : [monthCell(s), names[j], repos[s * k + j]]);
      }
    return rows;
  };
  out.licenses = ranked('licenses', schema.licenses, (r) => D.license[r], true);
  out.libraries = ranked('libraries', schema.libraries, (r) => D.library[r], true);
  out.sdks = ranked('sdks', ['', ...SDK_NAMES.slice(1)], (r) => (type[r] === 2 ? D.sdk[r] : 0), false);
  return out;
}
