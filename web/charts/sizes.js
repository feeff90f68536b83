// 8. Model size: count- and download-weighted size buckets over time; download-weighted mean vs median.
import { composePanels } from './panels.js';
import { measureSeries, leaders } from './shares.js';
import { col, monthsOf, partialNote } from './common.js';
import { label, VOCAB } from '../vocab.js';
import { share, params, month } from '../format.js';

const BUCKETS = VOCAB.size.filter((s) => s !== 'unknown');
// On a dark page the light ramp's darkest step (100B+) vanishes: there larger means brighter instead.
const DARK_RAMP = { lt1b: '#2c6fb0', '1to9b': '#5b9bd5', '10to99b': '#9cc3e8', '100bplus': '#dbe9f7' };

/** Bucket rows only, and only known sizes: "unknown" would otherwise dominate every month. */
function known(slice) {
  const si = col(slice, 'size');
  return { ...slice, rows: slice.rows.filter((r) => BUCKETS.includes(r[si])) };
}

function meanMedian(slice) {
  const mi = col(slice, 'month');
  const si = col(slice, 'size');
  const a = col(slice, 'mean_params');
  const b = col(slice, 'median_params');
  const rows = slice.rows.filter((r) => r[si] === 'all' && r[mi] != null);
  const byMonth = new Map(rows.map((r) => [r[mi], r]));
  const months = monthsOf(rows, mi);
  const pick = (i) => months.map((m) => {
    const v = byMonth.get(m)?.[i];
    return v == null || v <= 0 ? null : v;
  });
  const mean = pick(a);
  const median = pick(b);
  // Downloads (and so the weighted sizes) often start years after the first model: start the axis there.
  const first = Math.max(0, mean.findIndex((v) => v != null));
  return { months: months.slice(first), mean: mean.slice(first), median: median.slice(first) };
}

export const sizes = {
  name: 'sizes',
  title: 'Model size',
  question: 'How large are new models, and how large are the models people download?',

  build(state, slice, ctx) {
    const k = known(slice);
    const repos = measureSeries(k, 'size', 'repos', BUCKETS, state, { panel: 0, ctx, gap: true });
    const dl = measureSeries(k, 'size', 'downloads', BUCKETS, state, { panel: 1 });
    if (ctx.theme.dark) for (const x of [...repos.series, ...dl.series]) x.color = DARK_RAMP[x.id.split('|')[1]] ?? x.color;
    const mm = meanMedian(slice);
    const avg = [
      { id: '2:mean', name: 'Mean (download-weighted)', color: ctx.theme.accent, data: mm.mean, type: 'line' },
      { id: '2:median', name: 'Median (download-weighted)', color: ctx.theme.muted, data: mm.median, type: 'line', dashed: true },
    ];
    return composePanels(ctx, {
      legendNames: [...repos.series, ...avg].map((s) => s.name),
      description: this.reading(state, slice, ctx),
      note: repos.cut ? partialNote(ctx, repos.before, 'The new-models panel', { downloads: true }) : '',
      panels: [
        { title: 'Share of new models, by size (models of known size)', x: repos.months, xKind: 'month', percent: true,
          series: repos.series },
        { title: 'Share of downloads, by size (models of known size)', x: dl.months, xKind: 'month', percent: true,
          series: dl.series },
        { title: 'Parameters of downloaded models: mean vs median', x: mm.months, xKind: 'month', log: true,
          fmt: params, series: avg, sortTooltip: false },
      ],
    });
  },

  reading(state, slice, ctx = {}) {
    const { list, phrase, total } = leaders(known(slice), 'size', 'downloads', { ctx });
    const parts = [];
    if (total) parts.push(`${label('size', list[0][0])} models took ${share(list[0][1])} of downloads of models of known size ${phrase}`);
    const mm = meanMedian(slice);
    const firstI = mm.mean.findIndex((v) => v != null);
    const lastI = mm.mean.length - 1 - [...mm.mean].reverse().findIndex((v) => v != null);
    if (firstI >= 0 && lastI > firstI) {
      parts.push(`the download-weighted mean size went from ${params(mm.mean[firstI])} (${month(mm.months[firstI])}) to `
        + `${params(mm.mean[lastI])} (${month(mm.months[lastI])}), the median from ${params(mm.median[firstI])} to ${params(mm.median[lastI])}`);
    }
    if (!parts.length) return 'No model in this selection has a known size.';
    const text = parts.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
};
