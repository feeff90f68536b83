// 3. Geography: share of downloads by publisher country per month; repositories per country per year.
import { composePanels } from './panels.js';
import { categoriesOf, measureSeries, leaders, earlierShare } from './shares.js';
import { col, selectedOf } from './common.js';
import { label, countryPhrase } from '../vocab.js';
import { share, compact } from '../format.js';

/** Repositories per country per calendar year (the last year may be partial: its label says so), and how many
 *  repositories fall in each category over all years. */
function perYear(slice, cats) {
  const mi = col(slice, 'month');
  const ci = col(slice, 'country');
  const ri = col(slice, 'repos');
  const named = new Set(cats);
  const byYear = new Map();
  const byCat = new Map();
  let lastMonth = '';
  for (const r of slice.rows) {
    if (r[mi] == null) continue;
    const y = r[mi].slice(0, 4);
    if (r[mi] > lastMonth) lastMonth = r[mi];
    const c = named.has(r[ci]) ? r[ci] : r[ci] === 'unknown' ? 'unknown' : 'other';
    const n = Number(r[ri]) || 0;
    if (!byYear.has(y)) byYear.set(y, new Map());
    const m = byYear.get(y);
    m.set(c, (m.get(c) || 0) + n);
    byCat.set(c, (byCat.get(c) || 0) + n);
  }
  const years = [...byYear.keys()].sort();
  const total = [...byCat.values()].reduce((a, b) => a + b, 0);
  return { years, at: (y, c) => byYear.get(y)?.get(c) || 0, lastMonth, total, unknown: byCat.get('unknown') || 0 };
}

export const geography = {
  name: 'geography',
  title: 'Geography',
  question: 'Where are the publishers of downloaded models based?',

  build(state, slice, ctx) {
    const cats = categoriesOf(slice, 'country', ['downloads', 'repos'], ctx.narrow ? 6 : 8, state);
    const dl = measureSeries(slice, 'country', 'downloads', cats, state, { panel: 0 });
    // Most repositories have no known country: as a bar segment they would flatten every country to a sliver.
    // They leave the bars (unless chosen) and the note gives their number, so the totals stay honest.
    const barCats = selectedOf(state, 'country').includes('unknown') ? cats : cats.filter((c) => c !== 'unknown');
    const py = perYear(slice, barCats);
    const bars = measureSeries(slice, 'country', 'repos', barCats, state, { panel: 1, type: 'bar', shares: false });
    bars.series.forEach((s, i) => { s.data = py.years.map((y) => py.at(y, barCats[i])); });
    const partial = py.lastMonth && !py.lastMonth.endsWith('-12') ? py.lastMonth.slice(0, 4) : null;
    const leftOut = barCats.includes('unknown') ? 0 : py.unknown;
    const known = py.total - leftOut;
    const note = leftOut ? `The yearly bars count only the ${compact(known)} repositories (${share(known / py.total)}) whose `
      + `publisher country is known; the other ${compact(leftOut)} have no known country.` : '';
    return composePanels(ctx, {
      legendNames: dl.series.map((s) => s.name),
      description: this.reading(state, slice, ctx),
      note,
      panels: [
        { title: 'Share of downloads, by publisher country', x: dl.months, xKind: 'month', percent: true, series: dl.series },
        { title: leftOut ? 'Repositories created per year, by publisher country (where known)'
          : 'Repositories created per year, by publisher country', x: py.years, xKind: 'category',
        xLabel: (y) => (y === partial ? `${y} (to date)` : y), series: bars.series },
      ],
    });
  },

  /** Leaders among publishers of known country (as the headline counts them), then how much is unknown. */
  reading(state, slice, ctx = {}) {
    const all = leaders(slice, 'country', 'downloads', { ctx });
    if (!all.total) return 'No downloads are recorded for this selection.';
    const { list, phrase, pivot, months } = leaders(slice, 'country', 'downloads', { exclude: ['unknown'], ctx });
    const unknown = all.list.find(([c]) => c === 'unknown')?.[1] ?? 0;
    const chosen = selectedOf(state, 'country');
    const absent = chosen.filter((c) => !pivot.totals.has(c) && c !== 'unknown');
    let text = absent.length
      ? `No repository in this selection has a publisher in ${absent.map((c) => label('country', c)).join(' or ')}; `
        + 'the chart shows every country for comparison. '
      : '';
    const [first, second] = list;
    if (!first || !(first[1] > 0)) return `${text}The country of every publisher with downloads ${phrase} is unknown.`;
    text += `${countryPhrase(first[0])} took ${share(first[1])} of downloads from publishers of known country ${phrase}`;
    const before = earlierShare(pivot, first[0], months);
    if (before && Math.abs(before.share - first[1]) >= 0.01) text += `, ${before.share < first[1] ? 'up' : 'down'} from ${share(before.share)} a year earlier`;
    if (second && second[1] > 0) text += `; ${label('country', second[0])} ${share(second[1])}`;
    if (unknown >= 0.005) text += `. The publisher’s country is unknown for ${share(unknown)} of all downloads`;
    return `${text}.`;
  },
};
