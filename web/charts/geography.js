// 3. Geography: share of downloads by publisher country per month; repositories per country per year.
import { composePanels } from './panels.js';
import { categoriesOf, measureSeries, leaders, earlierShare } from './shares.js';
import { col } from './common.js';
import { label, countryPhrase } from '../vocab.js';
import { share } from '../format.js';

/** Repositories per country per calendar year (the last year may be partial: its label says so). */
function perYear(slice, cats) {
  const mi = col(slice, 'month');
  const ci = col(slice, 'country');
  const ri = col(slice, 'repos');
  const named = new Set(cats);
  const byYear = new Map();
  let lastMonth = '';
  for (const r of slice.rows) {
    if (r[mi] == null) continue;
    const y = r[mi].slice(0, 4);
    if (r[mi] > lastMonth) lastMonth = r[mi];
    const c = named.has(r[ci]) ? r[ci] : 'other';
    if (!byYear.has(y)) byYear.set(y, new Map());
    const m = byYear.get(y);
    m.set(c, (m.get(c) || 0) + (Number(r[ri]) || 0));
  }
  const years = [...byYear.keys()].sort();
  return { years, at: (y, c) => byYear.get(y)?.get(c) || 0, lastMonth };
}

export const geography = {
  name: 'geography',
  title: 'Geography',
  question: 'Where are the publishers of downloaded models based?',

  build(state, slice, ctx) {
    const cats = categoriesOf(slice, 'country', ['downloads', 'repos'], ctx.narrow ? 6 : 8, state);
    const dl = measureSeries(slice, 'country', 'downloads', cats, state, { panel: 0 });
    const py = perYear(slice, cats);
    const bars = measureSeries(slice, 'country', 'repos', cats, state, { panel: 1, type: 'bar', shares: false });
    bars.series.forEach((s, i) => { s.data = py.years.map((y) => py.at(y, cats[i])); });
    const partial = py.lastMonth && !py.lastMonth.endsWith('-12') ? py.lastMonth.slice(0, 4) : null;
    return composePanels(ctx, {
      legendNames: dl.series.map((s) => s.name),
      description: this.reading(state, slice, ctx),
      panels: [
        { title: 'Share of downloads, by publisher country', x: dl.months, xKind: 'month', percent: true, series: dl.series },
        { title: 'Repositories created per year, by publisher country', x: py.years, xKind: 'category',
          xLabel: (y) => (y === partial ? `${y} (to date)` : y), series: bars.series },
      ],
    });
  },

  reading(state, slice, ctx = {}) {
    const { list, phrase, total, pivot, months } = leaders(slice, 'country', 'downloads', { ctx });
    if (!total) return 'No downloads are recorded for this selection.';
    const [first, second] = list;
    let text = `${countryPhrase(first[0])} took ${share(first[1])} of downloads ${phrase}`;
    const before = earlierShare(pivot, first[0], months);
    if (before && Math.abs(before.share - first[1]) >= 0.01) text += `, ${before.share < first[1] ? 'up' : 'down'} from ${share(before.share)} a year earlier`;
    if (second && second[1] > 0) text += `; ${label('country', second[0])} ${share(second[1])}`;
    return `${text}.`;
  },
};
