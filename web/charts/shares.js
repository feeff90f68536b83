// Building blocks for "who has what share, month by month" views (geography, sectors, licenses, libraries,
// SDKs, sizes): long slices (month, category, measure) become 100%-stacked areas with fixed colors.
import { pivot, topCategories, seriesByMonth, sharesOver, faded, selectedOf, periodPhrase, partialIndex, partialMonth } from './common.js';
import { addMonths } from '../format.js';
import { label, colorMap } from '../vocab.js';

/** The categories a view shows: the k largest over all measures, the selected ones, then unknown and other. */
export function categoriesOf(slice, dim, measures, k, state) {
  const totals = new Map();
  for (const m of measures) {
    const p = pivot(slice, dim, m);
    const sum = [...p.totals.values()].reduce((a, b) => a + b, 0) || 1;
    // Rank by each measure's share so a measure with big numbers (downloads) does not drown the other.
    for (const [c, v] of p.totals) totals.set(c, (totals.get(c) || 0) + v / sum);
  }
  return topCategories(totals, k, selectedOf(state, dim));
}

/** Panel series for one measure: shares (100% stacked areas) or counts (stacked areas or bars).
 *  Counts of new repositories leave out the snapshot's partial month (ctx.snapshotDate): as a gap at the end
 *  with `gap` (so months line up with a download panel above or below), else by ending the axis before it.
 *  `cut` says whether it was left out (`before`: the months before that). A selection absent from the chart fades nothing. */
export function measureSeries(slice, dim, measure, cats, state, { shares = true, panel = 0, type = 'line', ctx, gap = false } = {}) {
  const p = pivot(slice, dim, measure);
  const { months: before, data: all } = seriesByMonth(p, cats, { shares });
  let months = before;
  let data = all;
  const cutAt = measure === 'repos' ? partialIndex(before, ctx) : -1;
  if (cutAt >= 0) {
    const drop = (list) => (gap ? list.map((v, i) => (i === cutAt ? null : v)) : list.filter((_, i) => i !== cutAt));
    data = new Map([...data].map(([c, list]) => [c, drop(list)]));
    if (!gap) months = months.filter((_, i) => i !== cutAt);
  }
  const colors = colorMap(dim, cats);
  const selected = selectedOf(state, dim).filter((c) => cats.includes(c));
  const series = cats.map((c) => ({
    id: `${panel}:${dim}|${c}`, name: label(dim, c), color: colors.get(c), data: data.get(c), type,
    area: type === 'line', stack: 'total', faded: faded(selected, c),
    pick: c === 'other' ? null : { key: dim, value: c },
  }));
  return { months, series, cut: cutAt >= 0, before };
}

/** The leading categories by one measure over the last 12 months that have data:
 *  {list: [[cat, share]], months, total, pivot, phrase ("in the 12 months to Feb 2026")}.
 *  A snapshot made from a single dump knows downloads only for its last 30 days: ctx.singleDump says so. */
export function leaders(slice, dim, measure, { exclude = [], ctx = {} } = {}) {
  const all = pivot(slice, dim, measure);
  // The excluded categories count nowhere below (shares, a year earlier): a pivot without them, the shared one kept.
  const p = exclude.length ? { ...all, totals: new Map([...all.totals].filter(([c]) => !exclude.includes(c))) } : all;
  const cats = [...p.totals.keys()];
  const hasData = (m) => cats.some((c) => p.at(m, c) > 0);
  // New repositories are counted over complete months only (see measureSeries).
  const partial = measure === 'repos' && partialIndex(p.months, ctx) >= 0 ? partialMonth(ctx) : null;
  const withData = p.months.filter((m) => m !== partial && hasData(m));
  const end = withData[withData.length - 1];
  const start = end ? addMonths(end, -11) : null;
  const window = end ? p.months.filter((m) => m >= start && m <= end) : [];
  const months = window.slice(Math.max(0, window.findIndex(hasData)));
  const { list, total } = sharesOver(p, months);
  const phrase = ctx.singleDump && measure === 'downloads' ? 'in the last 30 days' : periodPhrase(months);
  return { list: list.filter(([c]) => !exclude.includes(c)), months, total, pivot: p, phrase };
}

/** Share of `cat` in the 12 months before `months` (the leaders' window): for "X% a year earlier". */
export function earlierShare(p, cat, months) {
  if (months.length !== 12) return null;
  const from = addMonths(months[0], -12);
  const early = p.months.filter((m) => m >= from && m < months[0]);
  if (early.length !== 12) return null;
  const { list, total } = sharesOver(p, early);
  if (!total) return null;
  return { share: list.find(([c]) => c === cat)?.[1] ?? 0, months: early };
}
