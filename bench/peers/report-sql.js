// The whole report as SQL (DuckDB dialect) over tables r (one row per repository), dl (monthly downloads) and
// authors; JS only names the categories and lays out time axes. Every view ignores its own dimension's filter.
import { COLUMN_OF, DIMS, OWN, MODALITY_NAMES, SDK_NAMES, SECTOR_NAMES, SIZE_NAMES, TYPE_NAMES, allowedCodes, formatMonth,
  paramBinMid, period, round6, timeWindow } from './state.js';

const num = (v) => (typeof v === 'bigint' ? Number(v) : v == null ? v : Number(v));

// Copies the raw columns into typed tables (sentinels as NULL, the parameter bin derived), like any loader would.
export const LOAD_SQL = [
  `CREATE TABLE r AS SELECT row_number() OVER () - 1 AS id, type, nullif(created, 65535) AS created, author, country, sector, task,
     modality, library, license, family, relation, direct, size, sdk, params::BIGINT AS params,
     CASE WHEN downloads_all < 0 THEN NULL ELSE downloads_all::BIGINT END AS dl_all, nullif(likes, 4294967295) AS likes
   FROM raw_r`,
  `ALTER TABLE r ADD COLUMN pbin USMALLINT`,
  // param_bin of items.cpp: the most significant bit (log2, corrected by a shift) and the next 4 bits.
  `UPDATE r SET pbin = (WITH m AS (SELECT floor(log2(params))::INT AS g) SELECT
     CASE WHEN (params >> g) = 0 THEN g - 1 WHEN (params >> (g + 1)) > 0 THEN g + 1 ELSE g END FROM m) WHERE params > 0`,
  `UPDATE r SET pbin = pbin * 16 + CASE WHEN pbin >= 4 THEN (params >> (pbin - 4)) & 15 ELSE (params << (4 - pbin)) & 15 END WHERE params > 0`,
  `DROP TABLE raw_r`,
];

export function sqlReport(schema, st) {
  const w = timeWindow(schema, st);
  const { lo, hi, windowed, axisFirst, months } = w;
  const allowed = allowedCodes(schema, st);
  const where = (view) => {
    const own = OWN[view] || [];
    const terms = Object.entries(allowed).filter(([d]) => !own.includes(d))
      .map(([d, codes]) => (codes.length ? `r.${COLUMN_OF[d]} IN (${codes.join(',')})` : 'FALSE'));
    return terms.length ? terms.join(' AND ') : 'TRUE';
  };
  const counted = windowed ? `(created BETWEEN ${lo} AND ${hi})` : `(created IS NULL OR created <= ${hi})`;
  const inWindow = `dl.month BETWEEN ${lo} AND ${hi}`;
  const month = (m) => (m == null ? null : formatMonth(num(m)));
  // (m, k, repos, dls) per month and category: repositories created (counted) and downloads in the window.
  const monthly = (view, cat, extra = 'TRUE', withDownloads = true, ctes = '') => `
    WITH ${ctes} b AS (SELECT id, created, ${cat} AS k FROM r WHERE ${where(view)} AND ${extra}),
    c AS (SELECT created AS m, k, count(*) AS repos FROM b WHERE ${counted} GROUP BY ALL)` + (withDownloads ? `,
    d AS (SELECT dl.month AS m, k, sum(dl.downloads) AS dls FROM dl JOIN b USING (id) WHERE ${inWindow} GROUP BY ALL)
    SELECT m, k, coalesce(repos, 0)::BIGINT AS repos, coalesce(dls, 0)::BIGINT AS dls FROM c FULL JOIN d USING (m, k)
    WHERE coalesce(repos, 0) > 0 OR coalesce(dls, 0) > 0` : `
    SELECT m, k, repos::BIGINT AS repos, 0 AS dls FROM c`);
  const rankedTop = (view, cat, size, extra = 'TRUE') => `
    WITH t AS (SELECT ${cat} AS c, count(*) AS n FROM r WHERE ${where(view)} AND ${extra} AND ${counted} GROUP BY ALL)
    SELECT range AS c, row_number() OVER (ORDER BY coalesce(n, 0) DESC, range) AS k
    FROM range(1, ${size}) LEFT JOIN t ON t.c = range QUALIFY k <= 12`;

  const views = [];
  views.push({ view: 'headline', queries: [
    `SELECT type, count(*) AS n FROM r WHERE ${where('headline')} AND ${counted} GROUP BY type`,
    `SELECT r.country, r.sector, dl.month >= ${hi >= 11 ? hi - 11 : 0} AS recent, sum(dl.downloads)::BIGINT AS dls
     FROM dl JOIN r USING (id) WHERE ${where('headline')} AND ${inWindow} GROUP BY ALL`,
  ], shape([types, dls], conc) {
    const repos = [0, 0, 0];
    for (const x of types) repos[num(x.type)] = num(x.n);
    let downloads = 0;
    const byCountry = new Array(schema.countries.length).fill(0), bySector = new Array(5).fill(0);
    for (const x of dls) {
      downloads += num(x.dls);
      if (x.recent) byCountry[num(x.country)] += num(x.dls), bySector[num(x.sector)] += num(x.dls);
    }
    let known = 0, leadC = 0, sectorTotal = 0, leadS = 0;
    for (let j = 1; j < byCountry.length; j++) { known += byCountry[j]; if (leadC === 0 || byCountry[j] > byCountry[leadC]) leadC = j; }
    for (let j = 0; j < 5; j++) { sectorTotal += bySector[j]; if (bySector[j] > bySector[leadS]) leadS = j; }
    const models = conc.some((row) => row[0] === 'top_models'), find = (measure, n) => conc.find((row) => row[0] === measure && row[1] === n)?.[2];
    return [['models', repos[0]], ['datasets', repos[1]], ['spaces', repos[2]], ['repositories', repos[0] + repos[1] + repos[2]],
      ['downloads', downloads], ['period', period(schema, w)],
      ['top200_share', models ? find('top_models', 200) : null], ['under200_share', models ? find('models_under', 200) : null],
      ['leading_country', known ? schema.countries[leadC] : null], ['leading_country_share', known ? round6(byCountry[leadC] / known) : null],
      ['leading_sector', sectorTotal ? SECTOR_NAMES[leadS] : null], ['leading_sector_share', sectorTotal ? round6(bySector[leadS] / sectorTotal) : null]];
  } });

  function concentrationTotals() {
    return `SELECT count(dl_all) AS models, count(*) - count(dl_all) AS unknown, coalesce(sum(dl_all), 0)::DOUBLE AS total,
      ${[1, 10, 100, 200, 1000, 10000].map((k) => `count(*) FILTER (WHERE dl_all < ${k}) AS u${k}`).join(', ')}
      FROM r WHERE type = 0 AND ${where('concentration')} AND ${counted}`;
  }
  // Two steps: the totals fix which ranks the Lorenz curve needs, then one windowed sum reads them all.
  views.push({ view: 'concentration', queries: [concentrationTotals()], then([[t]]) {
    const models = num(t.models);
    const ranks = new Set([10, 100, 200, 1000, 10000, 100000].filter((n) => n <= models));
    for (let j = 0; j <= 20; j++) ranks.add(Math.ceil((j / 20) * models));
    return `SELECT rn, cum::DOUBLE AS cum FROM (SELECT row_number() OVER w AS rn, sum(dl_all) OVER w AS cum
      FROM r WHERE type = 0 AND dl_all IS NOT NULL AND ${where('concentration')} AND ${counted}
      WINDOW w AS (ORDER BY dl_all DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) WHERE rn IN (${[...ranks].filter((x) => x > 0).join(',') || 0})`;
  }, shape([[t]], cums) {
    const models = num(t.models), total = num(t.total), unknown = num(t.unknown);
    const cum = new Map(cums.map((x) => [num(x.rn), num(x.cum)]));
    const share = (rank) => (total && rank ? cum.get(rank) / total : 0);
    const rows = [];
    if (models) {
      for (const n of [10, 100, 200, 1000, 10000, 100000]) rows.push(['top_models', n, round6(n <= models ? share(n) : total ? 1 : 0)]);
      for (const k of [1, 10, 100, 200, 1000, 10000]) rows.push(['models_under', k, round6(num(t[`u${k}`]) / models)]);
      for (let j = 0; j <= 20; j++) rows.push(['lorenz', round6(j / 20), round6(1 - share(Math.ceil(((20 - j) / 20) * models)))]);
    }
    if (unknown || models) rows.push(['unknown_lifetime', unknown, round6(unknown / (unknown + models))]);
    return rows;
  } });

  views.push({ view: 'growth', queries: [
    `SELECT created AS m, type, count(*)::BIGINT AS n FROM r WHERE ${where('growth')} AND (created IS NULL OR created <= ${hi}) GROUP BY ALL`,
  ], shape([rows]) {
    const cnt = Array.from({ length: months + 1 }, () => [0, 0, 0]), run = [0, 0, 0];
    for (const x of rows) {
      const m = x.m == null ? null : num(x.m), t = num(x.type);
      if (m != null && m < axisFirst) run[t] += num(x.n);
      else cnt[m == null ? months : m - axisFirst][t] += num(x.n);
    }
    const out = [];
    for (let s = 0; s < months; s++) out.push([formatMonth(axisFirst + s), ...cnt[s].map((v, t) => (st.cumulative ? (run[t] += v) : v))]);
    if (!windowed && cnt[months].some((v) => v)) out.push([null, ...cnt[months]]);
    return out;
  } });

  const long = (view, cat, names) => ({ view, queries: [monthly(view, cat)],
    shape: ([rows]) => rows.map((x) => [month(x.m), names[num(x.k)], num(x.dls), num(x.repos)]) });
  views.push(long('geography', 'country', schema.countries));
  views.push(long('sectors', 'sector', SECTOR_NAMES));

  views.push({ view: 'families', queries: [`
    WITH b AS (SELECT family, relation, direct, created FROM r WHERE ${where('families')} AND ${counted} AND family > 0),
    top AS (SELECT family FROM b WHERE relation > 0 GROUP BY family ORDER BY count(*) DESC, family LIMIT 15)
    SELECT family, created AS m, ${['1', '2', '3', '4', '0'].map((x) => `count(*) FILTER (WHERE relation = ${x})::BIGINT AS r${x}`).join(', ')},
      count(*) FILTER (WHERE direct = 1)::BIGINT AS direct
    FROM b JOIN top USING (family) GROUP BY ALL`],
  shape: ([rows]) => rows.map((x) => [schema.families[num(x.family)], month(x.m), num(x.r1), num(x.r2), num(x.r3), num(x.r4), num(x.r0), num(x.direct)]) });

  const lastLo = hi >= 11 ? hi - 11 : 0, prevLo = hi >= 23 ? hi - 23 : 0;
  views.push({ view: 'orgs', queries: [`
    WITH c AS (SELECT author, count(*) FILTER (WHERE ${counted}) AS repos, coalesce(sum(likes) FILTER (WHERE ${counted}), 0) AS likes,
        count(*) FILTER (WHERE created BETWEEN ${lastLo} AND ${hi}) AS last12,
        count(*) FILTER (WHERE created >= ${prevLo} AND created < ${lastLo}) AS prev12
      FROM r WHERE ${where('orgs')} GROUP BY author),
    d AS (SELECT r.author, sum(dl.downloads) AS dls FROM dl JOIN r USING (id) WHERE ${where('orgs')} AND ${inWindow} GROUP BY r.author),
    j AS (SELECT author, coalesce(repos, 0) AS repos, coalesce(dls, 0) AS dls, coalesce(likes, 0) AS likes,
        coalesce(prev12, 0) AS prev12, coalesce(last12, 0) AS last12 FROM c FULL JOIN d USING (author))
    SELECT a.name, a.country, a.sector, repos::BIGINT AS repos, dls::BIGINT AS dls, likes::BIGINT AS likes, prev12::BIGINT AS prev12,
      last12::BIGINT AS last12
    FROM j JOIN authors a ON a.id = j.author WHERE repos > 0 OR dls > 0 ORDER BY dls DESC, repos DESC, a.name LIMIT 50`],
  shape: ([rows]) => rows.map((x) => [x.name, schema.countries[num(x.country)], SECTOR_NAMES[num(x.sector)], num(x.repos), num(x.dls),
    num(x.likes), num(x.prev12), num(x.last12), num(x.prev12) ? round6(num(x.last12) / num(x.prev12) - 1) : null]) });

  views.push({ view: 'tasks', queries: [`
    WITH b AS (SELECT id, type, task, created FROM r WHERE type IN (0, 1) AND ${where('tasks')}),
    top AS (SELECT type, task, row_number() OVER (PARTITION BY type ORDER BY count(*) DESC, task) - 1 AS k
      FROM b WHERE ${counted} GROUP BY type, task QUALIFY k < 20),
    bk AS (SELECT id, b.type, created, coalesce(top.k, 20) AS k FROM b LEFT JOIN top USING (type, task)),
    c AS (SELECT type, k, created AS m, count(*) AS repos FROM bk WHERE ${counted} GROUP BY ALL),
    d AS (SELECT type, k, dl.month AS m, sum(dl.downloads) AS dls FROM dl JOIN bk USING (id) WHERE ${inWindow} GROUP BY ALL)
    SELECT type, k, top.task, m, coalesce(repos, 0)::BIGINT AS repos, coalesce(dls, 0)::BIGINT AS dls
    FROM c FULL JOIN d USING (type, k, m) LEFT JOIN top USING (type, k) WHERE coalesce(repos, 0) > 0 OR coalesce(dls, 0) > 0`],
  shape: ([rows]) => rows.map((x) => {
    const other = num(x.k) === 20;
    return [other ? 'other' : schema.tasks[num(x.task)], TYPE_NAMES[num(x.type)], other ? 'other' : MODALITY_NAMES[schema.task_modality[num(x.task)]],
      month(x.m), num(x.repos), num(x.dls)];
  }) });

  views.push({ view: 'sizes', queries: [monthly('sizes', 'size', 'type = 0'), `
    WITH s AS (SELECT dl.month AS m, pbin, sum(dl.downloads)::HUGEINT AS dls, sum(r.params::HUGEINT * dl.downloads) AS w
      FROM dl JOIN r USING (id) WHERE r.type = 0 AND r.params > 0 AND ${where('sizes')} AND ${inWindow} GROUP BY ALL),
    k AS (SELECT m, sum(dls) AS known, sum(w) AS w FROM s GROUP BY m),
    cum AS (SELECT m, pbin, sum(dls) OVER (PARTITION BY m ORDER BY pbin) AS acc FROM s)
    SELECT m, (w // known + CASE WHEN 2 * (w % known) >= known THEN 1 ELSE 0 END)::BIGINT AS mean,
      (SELECT min(pbin) FROM cum WHERE cum.m = k.m AND acc >= (known + 1) // 2) AS median_bin
    FROM k WHERE known > 0`],
  shape([buckets, stats]) {
    const bySlot = new Map();
    for (const x of buckets) {
      const key = x.m == null ? null : num(x.m);
      if (!bySlot.has(key)) bySlot.set(key, []);
      bySlot.get(key).push(x);
    }
    const stat = new Map(stats.map((x) => [num(x.m), x]));
    const rows = [];
    for (const [m, list] of bySlot) {
      let rp = 0, dl = 0;
      for (const x of list) rows.push([month(m), SIZE_NAMES[num(x.k)], num(x.repos), num(x.dls), null, null]), rp += num(x.repos), dl += num(x.dls);
      const s = m == null ? null : stat.get(m);
      rows.push([month(m), 'all', rp, dl, s ? num(s.mean) : null, s ? Math.round(paramBinMid(num(s.median_bin))) : null]);
    }
    return rows;
  } });

  const ranked = (view, dict, cat, extra, withDownloads) => ({ view, queries: [rankedTop(view, cat, dict.length),
    monthly(view, `CASE WHEN ${cat} = 0 THEN 0 ELSE coalesce((SELECT k FROM top WHERE top.c = ${cat}), 13) END`, extra, withDownloads,
      `top AS (${rankedTop(view, cat, dict.length)}),`)],
  shape([top, rows]) {
    const name = new Map(top.map((x) => [num(x.k), dict[num(x.c)]]));
    name.set(0, dict[0]);
    name.set(13, 'other');
    return rows.filter((x) => name.get(num(x.k))).map((x) => (withDownloads
      ? [month(x.m), name.get(num(x.k)), num(x.repos), num(x.dls)] : [month(x.m), name.get(num(x.k)), num(x.repos)]));
  } });
  views.push(ranked('licenses', schema.licenses, 'license', 'TRUE', true));
  views.push(ranked('libraries', schema.libraries, 'library', 'TRUE', true));
  views.push(ranked('sdks', ['', ...SDK_NAMES.slice(1)], '(CASE WHEN type = 2 THEN sdk ELSE 0 END)', 'TRUE', false));
  return views;
}

// Runs every view through `query(sql) -> array of row objects`; returns {view: rows}.
export async function runSqlReport(query, schema, st) {
  const out = {};
  for (const v of sqlReport(schema, st)) {
    const results = [];
    for (const sql of v.queries) results.push(await query(sql));
    if (v.then) results.push(await query(v.then(results)));
    out[v.view] = v.view === 'headline' ? null : v.then ? v.shape(results.slice(0, -1), results.at(-1)) : v.shape(results);
    if (v.view === 'headline') out._headline = { v, results };
  }
  const h = out._headline;
  delete out._headline;
  out.headline = h.v.shape(h.results, out.concentration);
  return out;
}
