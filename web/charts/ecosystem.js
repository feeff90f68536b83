// 9. Licenses, libraries and Spaces SDKs: shares of new repositories (and of downloads) over time.
import { composePanels } from './panels.js';
import { categoriesOf, measureSeries, leaders } from './shares.js';
import { partialNote } from './common.js';
import { label } from '../vocab.js';
import { share } from '../format.js';

function shareView({ name, dim, title, question, noun, measures }) {
  return {
    name, title, question,

    build(state, slice, ctx) {
      const cats = categoriesOf(slice, dim, measures.map((m) => m.column), ctx.narrow ? 6 : 9, state);
      // With a download panel too, new-repository shares end in a gap so both panels' months line up.
      const withDownloads = measures.length > 1;
      let note = '';
      const panels = measures.map((m, i) => {
        const s = measureSeries(slice, dim, m.column, cats, state, { panel: i, ctx, gap: withDownloads });
        if (s.cut) note = partialNote(ctx, s.before, m.subject, { downloads: withDownloads });
        return { title: m.title, x: s.months, xKind: 'month', percent: true, series: s.series };
      });
      return composePanels(ctx, { legendNames: panels[0].series.map((s) => s.name), panels, note,
        description: this.reading(state, slice, ctx) });
    },

    reading(state, slice, ctx = {}) {
      const { list, phrase, total } = leaders(slice, dim, 'repos', { exclude: ['other'], ctx });
      if (!total) return `No ${noun} were created in this selection.`;
      const named = list.filter(([c]) => c !== 'unknown');
      const unknown = list.find(([c]) => c === 'unknown');
      if (!named.length) return `None of the ${noun} created ${phrase} names a ${dim === 'sdk' ? 'SDK' : dim}.`;
      const [first, second] = named;
      let text = `${label(dim, first[0])} leads: ${share(first[1])} of ${noun} created ${phrase}`;
      if (measures.some((m) => m.column === 'downloads')) {
        const dl = leaders(slice, dim, 'downloads', { ctx });
        const mine = dl.list.find(([c]) => c === first[0]);
        // New repositories count complete months only; downloads may cover one more: then say which.
        if (mine) text += ` and ${share(mine[1])} of downloads${dl.phrase === phrase ? '' : ` ${dl.phrase}`}`;
      }
      if (second) text += `; ${label(dim, second[0])} ${share(second[1])}`;
      if (unknown && unknown[1] >= 0.05) text += `. ${share(unknown[1])} name none`;
      return `${text}.`;
    },
  };
}

export const licenses = shareView({
  name: 'licenses', dim: 'license', title: 'Licenses', noun: 'repositories',
  question: 'Under which licenses are new repositories published?',
  measures: [{ column: 'repos', title: 'Share of new repositories, by license', subject: 'The new-repositories panel' },
    { column: 'downloads', title: 'Share of downloads, by license' }],
});

export const libraries = shareView({
  name: 'libraries', dim: 'library', title: 'Libraries', noun: 'repositories',
  question: 'Which libraries are new models built for, and which get downloaded?',
  measures: [{ column: 'repos', title: 'Share of new repositories, by library', subject: 'The new-repositories panel' },
    { column: 'downloads', title: 'Share of downloads, by library' }],
});

export const sdks = shareView({
  name: 'sdks', dim: 'sdk', title: 'Spaces', noun: 'Spaces',
  question: 'Which SDKs do new Spaces (hosted demos and apps) use?',
  measures: [{ column: 'repos', title: 'Share of new Spaces, by SDK', subject: 'The chart' }],
});
