// Pieces every chart option shares: theme, accessible defaults, escaped tooltips, month axes, and
// helpers that turn long-format slices into per-month series.
import { month, share, compact, addMonths } from '../format.js';

/** Tooltips are HTML: everything that came from the data goes through this. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const SAFE_COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i;

// A color swatch without a style attribute: the page runs under a CSP that forbids inline styles,
// but SVG presentation attributes (fill) are not styles.
function swatch(color) {
  const c = typeof color === 'string' && SAFE_COLOR.test(color) ? color : '#888888';
  return `<svg class="tt-swatch" width="10" height="10" aria-hidden="true"><rect width="10" height="10" rx="2" fill="${c}"/></svg>`;
}

/** An escaping tooltip formatter. `fmt(value, param)` formats one value; rows sort by value when `sort`. */
export function tooltipFormatter({ fmt = compact, title, sort = false, max = 12, name } = {}) {
  return (params) => {
    const list = (Array.isArray(params) ? params : [params]).filter((p) => p && p.value !== undefined);
    if (!list.length) return '';
    let head = title ? title(list[0]) : (list[0].axisValueLabel ?? list[0].name ?? '');
    if (/^\d{4}-\d{2}$/.test(head)) head = month(head);
    const rows = list.map((p) => ({ p, v: valueOf(p) })).filter((r) => r.v != null && !Number.isNaN(r.v));
    if (sort) rows.sort((a, b) => b.v - a.v);
    const shown = rows.slice(0, max);
    const html = shown.map(({ p, v }) => `<div class="tt-row">${swatch(p.color)}<span class="tt-name">${escapeHtml(
      name ? name(p) : p.seriesName ?? p.name)}</span><span class="tt-val">${escapeHtml(fmt(v, p))}</span></div>`).join('');
    const more = rows.length > max ? `<div class="tt-more">and ${rows.length - max} more</div>` : '';
    return `<div class="tt-title">${escapeHtml(head)}</div>${html}${more}`;
  };
}

function valueOf(p) {
  const v = p.value;
  if (Array.isArray(v)) return typeof p.encode?.y?.[0] === 'number' ? v[p.encode.y[0]] : v[v.length - 1];
  if (v && typeof v === 'object') return v.value;
  return v;
}

/** Options every chart starts from: aria on (with decal patterns, so color is not the only cue),
 *  the page's font and colors, a short animation, and an escaping tooltip. */
export function baseOption(ctx, description) {
  const t = ctx.theme;
  return {
    backgroundColor: 'transparent',
    animationDuration: 250,
    animationDurationUpdate: 250,
    aria: { enabled: true, decal: { show: true, decals: DECALS(t) }, label: { description } },
    textStyle: { fontFamily: t.font, color: t.text, fontSize: 12 },
    tooltip: {
      trigger: 'axis', renderMode: 'html', confine: true, className: 'chart-tip', appendToBody: false,
      backgroundColor: t.surface, borderColor: t.grid, borderWidth: 1, padding: [6, 8],
      textStyle: { color: t.text, fontSize: 12 }, axisPointer: { type: 'line', lineStyle: { color: t.muted } },
      formatter: tooltipFormatter(),
    },
  };
}

// Faint patterns: enough to tell adjacent areas apart without color, quiet enough not to be chart junk.
const DECALS = (t) => {
  const c = t.dark ? 'rgba(0,0,0,0.28)' : 'rgba(255,255,255,0.38)';
  return [
    { color: c, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
    { color: c, symbol: 'circle', symbolSize: 0.6, dashArrayX: [[1, 6]], dashArrayY: [1, 6] },
    { color: c, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
    { color: 'transparent' },
    { color: c, dashArrayX: [[8, 4]], dashArrayY: [2, 6], rotation: 0 },
    { color: c, symbol: 'rect', symbolSize: 0.7, dashArrayX: [[2, 6]], dashArrayY: [2, 6] },
    { color: c, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 2 },
  ];
};

/** A category axis of "YYYY-MM" months labelled "Jan 2025". */
export function monthAxis(ctx, months, extra = {}) {
  return {
    type: 'category', data: months, boundaryGap: false,
    axisLine: { lineStyle: { color: ctx.theme.grid } }, axisTick: { show: false },
    axisLabel: { color: ctx.theme.muted, formatter: (v) => month(v), hideOverlap: true },
    ...extra,
  };
}

export function valueAxis(ctx, { percent = false, fmt, log = false, name } = {}) {
  return {
    // Counts are whole: without minInterval a small maximum gives ticks at 0.5 that print as "0 1 1 2".
    type: log ? 'log' : 'value', ...(percent ? { max: 1, min: 0 } : log ? {} : { minInterval: 1 }), name,
    nameTextStyle: { color: ctx.theme.muted },
    splitLine: { lineStyle: { color: ctx.theme.grid, opacity: 0.6 } },
    axisLabel: { color: ctx.theme.muted, formatter: fmt ?? (percent ? (v) => share(v) : (v) => compact(v)) },
  };
}

/** A legend that sets filters when clicked (main.js turns the toggle into a filter and keeps items shown). */
export function legend(ctx, names, extra = {}) {
  return {
    type: 'plain', top: 0, left: 0, right: 0, data: names, icon: 'roundRect', itemWidth: 12, itemHeight: 12,
    itemGap: ctx.narrow ? 10 : 16, textStyle: { color: ctx.theme.text, fontSize: 12 }, ...extra,
  };
}

/** A small left-aligned panel heading inside a multi-panel chart. */
export function panelTitle(ctx, text, top) {
  return { text, top, left: 0, textStyle: { fontSize: 13, fontWeight: 600, color: ctx.theme.text } };
}

/** The snapshot's own month when the snapshot was taken before that month's last day, else null. Repositories
 *  created in it are counted only up to the snapshot date, so per-month counts would show a false drop there
 *  (downloads in it are the last 30 days', so download shares are whole). ctx.snapshotDate is "YYYY-MM-DD". */
export function partialMonth(ctx) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx?.snapshotDate ?? '');
  if (!d) return null;
  const lastDay = new Date(Date.UTC(Number(d[1]), Number(d[2]), 0)).getUTCDate();
  return Number(d[3]) < lastDay ? `${d[1]}-${d[2]}` : null;
}

/** Where the partial month sits in `months` (-1 if absent). It is kept when it is the only month: a window of
 *  just that month should still show what there is, and the note says it is partial. */
export function partialIndex(months, ctx) {
  const p = partialMonth(ctx);
  return p && months.length > 1 ? months.indexOf(p) : -1;
}

/** `months` and a `keep(list)` that drops the partial month's entry from any list aligned with them. */
export function withoutPartial(months, ctx) {
  const i = partialIndex(months, ctx);
  const keep = (list) => (i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)]);
  return { months: keep(months), keep, cut: i >= 0 };
}

/** The chart note about the partial month among `months` (before any was cut), "" when it is not there.
 *  `subject` names the chart that left it out; `downloads` adds that download panels keep it. */
export function partialNote(ctx, months, subject = 'The chart', { downloads = false } = {}) {
  const p = partialMonth(ctx);
  if (!p || !months.includes(p)) return '';
  const day = `${Number(ctx.snapshotDate.slice(8))} ${month(p)}`;
  const text = months.length > 1
    ? `${subject} leaves out ${month(p)}: the snapshot was taken on ${day}, so that month is incomplete.`
    : `${subject} counts ${month(p)} only up to ${day}, when the snapshot was taken.`;
  return downloads ? `${text} Download shares include it: they count the 30 days before the snapshot.` : text;
}

/** Every month from the first to the last present (null months left out: they have no place on a time axis). */
export function monthsOf(rows, col = 0) {
  let first = null;
  let last = null;
  for (const r of rows) {
    const m = r[col];
    if (m == null) continue;
    if (first == null || m < first) first = m;
    if (last == null || m > last) last = m;
  }
  if (first == null) return [];
  // Counted as months since year 0, not stepped with addMonths: that string arithmetic was a tenth of the views'
  // build time. A month that is not "YYYY-MM" takes the old way (it is only ever compared as a string).
  const [a, b] = [first, last].map((m) => /^(\d{4})-(\d{2})$/.exec(String(m)));
  if (!a || !b) {
    const out = [];
    for (let m = first; m <= last && out.length < 2400; m = addMonths(m, 1)) out.push(m);
    return out;
  }
  const from = Number(a[1]) * 12 + Number(a[2]) - 1;
  const to = Math.min(Number(b[1]) * 12 + Number(b[2]) - 1, from + 2399);
  const out = [];
  for (let t = from; t <= to; t++) out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** Column index by name; throws a clear error when the engine's slice lacks a column we need. */
export function col(slice, name) {
  const i = slice.columns.indexOf(name);
  if (i < 0) throw new Error(`slice '${slice.view}' has no column '${name}'`);
  return i;
}

/** Long rows (month, category, measure) -> {months, totals: Map(cat -> sum), at(month, cat), valuesOf(cat)}:
 *  valuesOf gives a category's values aligned with `months`. Cells are indexed by month and category, not by a
 *  string of both: the views pivot a slice several times each, and those strings were most of their build time. */
export function pivot(slice, catCol, measureCol, { monthCol = 'month' } = {}) {
  // A view pivots its slice by the same columns several times (ranking, series, leaders): once is enough. Pivots
  // are read, never changed, and a slice is never changed once answered.
  const key = `${catCol}\u0000${measureCol}\u0000${monthCol}`;
  let memo = PIVOTS.get(slice);
  if (!memo) PIVOTS.set(slice, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, pivotOf(slice, catCol, measureCol, monthCol));
  return memo.get(key);
}
const PIVOTS = new WeakMap(); // slice -> Map(columns -> pivot)

function pivotOf(slice, catCol, measureCol, monthCol) {
  const mi = col(slice, monthCol);
  const ci = col(slice, catCol);
  const vi = col(slice, measureCol);
  const months = monthsOf(slice.rows, mi);
  const index = new Map(months.map((m, i) => [m, i]));
  const cells = new Map(); // category -> Float64Array over months
  const totals = new Map();
  for (const r of slice.rows) {
    if (r[mi] == null) continue;
    const v = Number(r[vi]) || 0;
    const i = index.get(r[mi]);
    if (i !== undefined) {
      let values = cells.get(r[ci]);
      if (!values) cells.set(r[ci], (values = new Float64Array(months.length)));
      values[i] += v;
    }
    totals.set(r[ci], (totals.get(r[ci]) || 0) + v);
  }
  const none = new Float64Array(months.length);
  return {
    months, totals,
    at: (m, c) => { const i = index.get(m); return i === undefined ? 0 : (cells.get(c)?.[i] ?? 0); },
    valuesOf: (c) => cells.get(c) ?? none,
  };
}

/** The k largest categories by total, always keeping selected ones and putting other/unknown last. */
export function topCategories(totals, k, selected = []) {
  const ranked = [...totals.entries()].filter(([c]) => c !== 'other').sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const keep = ranked.slice(0, k);
  for (const s of selected) if (totals.has(s) && !keep.includes(s)) keep.push(s);
  const unknownLast = keep.filter((c) => c !== 'unknown');
  if (keep.includes('unknown')) unknownLast.push('unknown');
  const rest = ranked.filter((c) => !keep.includes(c));
  if (rest.length || totals.has('other')) unknownLast.push('other');
  return unknownLast;
}

/** Per-month values of `cats` (rest folded into "other"), optionally as shares of each month's total. */
export function seriesByMonth(p, cats, { shares = false, trim = true } = {}) {
  const named = new Set(cats.filter((c) => c !== 'other'));
  const allCats = [...p.totals.keys()];
  const values = allCats.map((c) => p.valuesOf(c));
  const rest = values.filter((_, k) => !named.has(allCats[k]));
  const wanted = cats.map((c) => (c === 'other' ? null : p.valuesOf(c)));
  const sumAt = (list, i) => list.reduce((s, v) => s + v[i], 0);
  let first = 0;
  if (trim) {
    while (first < p.months.length && !(sumAt(values, first) > 0)) first += 1;
  }
  const months = p.months.slice(first);
  const data = new Map(cats.map((c) => [c, []]));
  for (let i = first; i < p.months.length; i++) {
    const total = sumAt(values, i);
    const other = sumAt(rest, i);
    cats.forEach((c, k) => {
      const v = wanted[k] ? wanted[k][i] : other;
      data.get(c).push(shares ? (total > 0 ? round6(v / total) : null) : v);
    });
  }
  return { months, data };
}

export const round6 = (x) => Math.round(x * 1e6) / 1e6;

/** The months of the last 12 ending at the latest month present. */
export function last12(months) {
  if (!months.length) return { months: [], end: null };
  const end = months[months.length - 1];
  const start = addMonths(end, -11);
  return { months: months.filter((m) => m >= start), start, end };
}

/** Share of each category over a set of months: [[cat, share], ...] sorted descending. */
export function sharesOver(p, months) {
  const set = new Set(months);
  const sums = new Map();
  let total = 0;
  for (const c of p.totals.keys()) {
    let s = 0;
    for (const m of set) s += p.at(m, c);
    sums.set(c, s);
    total += s;
  }
  return { total, list: [...sums.entries()].map(([c, s]) => [c, total > 0 ? s / total : 0]).sort((a, b) => b[1] - a[1]) };
}

/** Items not in a non-empty selection fade, so the selected one stands out in its own view. */
export function faded(selected, value) {
  return selected.length > 0 && !selected.includes(value);
}

export const FADE = 0.22;

/** "in the 12 months to Feb 2026", "from Mar 2025 to Aug 2025", "in Feb 2026". */
export function periodPhrase(months) {
  if (!months.length) return '';
  const first = months[0];
  const last = months[months.length - 1];
  if (months.length === 1) return `in ${month(last)}`;
  if (months.length === 12) return `in the 12 months to ${month(last)}`;
  return `from ${month(first)} to ${month(last)}`;
}

/** The filter values the state selects on one dimension (for highlighting in views that ignore it). */
export function selectedOf(state, key) {
  const v = state[key];
  return Array.isArray(v) ? v : [];
}
