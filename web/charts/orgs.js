// 6. Organisations: the publishers with the most downloads in the window, colored by country.
import { composePanels } from './panels.js';
import { col, faded, selectedOf, FADE } from './common.js';
import { label, colorMap } from '../vocab.js';
import { compact, change } from '../format.js';

function rowsOf(slice) {
  const c = Object.fromEntries(['org', 'country', 'sector', 'repos', 'downloads', 'likes', 'repos_prev12', 'repos_last12',
    'yoy_growth'].map((k) => [k, slice.columns.indexOf(k)]));
  if (c.org < 0) col(slice, 'org');
  return slice.rows.map((r) => Object.fromEntries(Object.entries(c).map(([k, i]) => [k, i >= 0 ? r[i] : null])));
}

export const orgs = {
  name: 'orgs',
  title: 'Organisations',
  question: 'Which publishers get the most downloads, and who is growing fastest?',

  build(state, slice, ctx) {
    const rows = rowsOf(slice).sort((a, b) => (b.downloads || 0) - (a.downloads || 0)).slice(0, ctx.narrow ? 12 : 20);
    const orgSel = selectedOf(state, 'org');
    const countries = [...new Set(rows.map((r) => r.country ?? 'unknown'))];
    const colors = colorMap('country', countries);
    const series = countries.map((c) => ({
      id: `0:country|${c}`, name: label('country', c), color: colors.get(c), type: 'bar', stack: 'org',
      pick: { key: 'country', value: c },
      data: rows.map((r) => ((r.country ?? 'unknown') === c
        ? { value: r.downloads, pick: { key: 'org', value: r.org }, itemStyle: faded(orgSel, r.org) ? { opacity: FADE } : undefined }
        : null)),
    }));
    return composePanels(ctx, {
      legendNames: series.map((s) => s.name),
      description: this.reading(state, slice, ctx),
      panels: [{ title: 'Downloads in the window, by publisher (colored by country)', horizontal: true,
        categories: rows.map((r) => r.org), categoryDim: 'org', series, sortTooltip: true }],
    });
  },

  reading(state, slice, ctx = {}) {
    const rows = rowsOf(slice).sort((a, b) => (b.downloads || 0) - (a.downloads || 0));
    if (!rows.length) return 'No publisher in this selection.';
    const a = rows[0];
    const where = [a.country && a.country !== 'unknown' ? label('country', a.country) : null, a.sector ? label('sector', a.sector).toLowerCase() : null]
      .filter(Boolean).join(', ');
    let text = `${a.org}${where ? ` (${where})` : ''} is the most downloaded publisher: ${compact(a.downloads)} downloads from `
      + `${compact(a.repos)} repositories`;
    // Fastest grower among publishers big enough for a percentage to mean something.
    const growers = rows.filter((r) => (r.repos_prev12 || 0) >= 10 && r.repos_last12 != null)
      .map((r) => ({ org: r.org, g: r.repos_last12 / r.repos_prev12 - 1 })).sort((x, y) => y.g - x.g);
    if (growers.length && growers[0].g > 0) {
      text += `. ${growers[0].org} grew fastest: ${change(growers[0].g)} new repositories on the year before`;
    }
    return `${text}.`;
  },
};
