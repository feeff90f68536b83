// 5. Families and derivatives: top base families by derivatives (split by relation), and derivatives per month.
import { composePanels } from './panels.js';
import { col, monthsOf, faded, selectedOf, FADE, withoutPartial, partialNote } from './common.js';
import { label, color, colorMap } from '../vocab.js';
import { compact, share } from '../format.js';

const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'];
const PLURAL = { finetune: 'fine-tunes', adapter: 'adapters', quantized: 'quantizations', merge: 'merges' };

function totals(slice) {
  const fi = col(slice, 'family');
  const idx = RELATIONS.map((r) => slice.columns.indexOf(r));
  const di = slice.columns.indexOf('direct');
  const by = new Map();
  for (const row of slice.rows) {
    const f = row[fi];
    if (!by.has(f)) by.set(f, { family: f, rel: RELATIONS.map(() => 0), total: 0, direct: 0 });
    const t = by.get(f);
    idx.forEach((i, k) => { const v = i >= 0 ? Number(row[i]) || 0 : 0; t.rel[k] += v; t.total += v; });
    if (di >= 0) t.direct += Number(row[di]) || 0;
  }
  return [...by.values()].sort((a, b) => b.total - a.total);
}

export const families = {
  name: 'families',
  title: 'Families and derivatives',
  question: 'Which base models do people build on, and how: fine-tunes, adapters, quantizations or merges?',

  build(state, slice, ctx) {
    const ranked = totals(slice).slice(0, ctx.narrow ? 10 : 15);
    const famSel = selectedOf(state, 'family');
    const relSel = selectedOf(state, 'relation');
    const cats = ranked.map((t) => t.family);
    const bars = RELATIONS.map((r, k) => ({
      id: `0:relation|${r}`, name: label('relation', r), color: color('relation', r), type: 'bar', stack: 'rel',
      faded: faded(relSel, r), pick: { key: 'relation', value: r },
      data: ranked.map((t) => ({ value: t.rel[k], pick: { key: 'family', value: t.family },
        itemStyle: faded(famSel, t.family) || faded(relSel, r) ? { opacity: FADE } : undefined })),
    }));
    // Derivatives per month for the chosen families, or the five largest when none is chosen.
    const shown = famSel.length ? famSel : cats.slice(0, 5);
    const fi = col(slice, 'family');
    const mi = col(slice, 'month');
    const all = monthsOf(slice.rows, mi);
    const { months, keep } = withoutPartial(all, ctx);
    const colors = colorMap('family', shown);
    const relIdx = RELATIONS.map((r) => slice.columns.indexOf(r)).filter((i) => i >= 0);
    const lines = shown.map((f) => {
      const per = new Map();
      for (const r of slice.rows) {
        if (r[fi] !== f || r[mi] == null) continue;
        per.set(r[mi], (per.get(r[mi]) || 0) + relIdx.reduce((s, i) => s + (Number(r[i]) || 0), 0));
      }
      return { id: `1:family|${f}`, name: f, color: colors.get(f), type: 'line', data: keep(all.map((m) => per.get(m) || 0)),
        pick: { key: 'family', value: f } };
    });
    return composePanels(ctx, {
      legendNames: bars.map((b) => b.name),
      description: this.reading(state, slice, ctx),
      panels: [
        { title: 'Derivatives by base family and relation', horizontal: true, categories: cats, categoryDim: 'family',
          series: bars, sortTooltip: false },
        { title: `Derivatives per month, ${famSel.length ? 'chosen families' : lines.length === 1 ? shown[0]
          : lines.length === 5 ? 'five largest families' : `the ${lines.length} families`}`,
          x: months, xKind: 'month', series: lines, legend: true, sortTooltip: true },
      ],
      note: partialNote(ctx, all, 'The monthly chart'),
    });
  },

  reading(state, slice, ctx = {}) {
    const ranked = totals(slice);
    if (!ranked.length || !ranked[0].total) return 'No derivative models in this selection.';
    const [a, b] = ranked;
    const main = RELATIONS.map((r, k) => [r, a.rel[k]]).sort((x, y) => y[1] - x[1])[0];
    let text = `${a.family} has the most derivatives: ${compact(a.total)}, ${share(main[1] / a.total)} of them ${PLURAL[main[0]]}`;
    if (b && b.total) text += `; ${b.family} follows with ${compact(b.total)}`;
    return `${text}.`;
  },
};
