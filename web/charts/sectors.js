// 4. Who builds: share of downloads and of new repositories by publisher sector over time.
import { composePanels } from './panels.js';
import { measureSeries, leaders, earlierShare } from './shares.js';
import { partialNote } from './common.js';
import { label, VOCAB } from '../vocab.js';
import { share } from '../format.js';

export const sectors = {
  name: 'sectors',
  title: 'Who builds',
  question: 'Which kinds of publishers — companies, universities, individuals — get the downloads, and who creates the repositories?',

  build(state, slice, ctx) {
    const present = new Set(slice.rows.map((r) => r[slice.columns.indexOf('sector')]));
    const cats = [...VOCAB.sector.filter((s) => present.has(s)), ...[...present].filter((s) => s != null && !VOCAB.sector.includes(s))];
    const dl = measureSeries(slice, 'sector', 'downloads', cats, state, { panel: 0 });
    const repos = measureSeries(slice, 'sector', 'repos', cats, state, { panel: 1, ctx, gap: true });
    return composePanels(ctx, {
      legendNames: dl.series.map((s) => s.name),
      description: this.reading(state, slice, ctx),
      note: repos.cut ? partialNote(ctx, repos.before, 'The new-repositories panel', { downloads: true }) : '',
      panels: [
        { title: 'Share of downloads, by publisher sector', x: dl.months, xKind: 'month', percent: true, series: dl.series },
        { title: 'Share of new repositories, by publisher sector', x: repos.months, xKind: 'month', percent: true,
          series: repos.series },
      ],
    });
  },

  reading(state, slice, ctx = {}) {
    const { list, phrase, total, pivot, months } = leaders(slice, 'sector', 'downloads', { ctx });
    if (!total) return 'No downloads are recorded for this selection.';
    const [first, second] = list;
    const earlier = (c) => earlierShare(pivot, c, months)?.share;
    const e1 = earlier(first[0]);
    let text = `${label('sector', first[0])} took ${share(first[1])} of downloads ${phrase}`;
    if (e1 != null) text += ` (${share(e1)} a year earlier)`;
    if (second && second[1] > 0) {
      const e2 = earlier(second[0]);
      text += `; ${label('sector', second[0]).toLowerCase()} ${share(second[1])}${e2 != null ? ` (${share(e2)})` : ''}`;
    }
    return `${text}.`;
  },
};
