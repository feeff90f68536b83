// 2. Concentration: how few models take most downloads (top-N shares, models under K downloads, Lorenz curve).
import { composePanels } from './panels.js';
import { col } from './common.js';
import { compact, share } from '../format.js';

function measures(slice) {
  const mi = col(slice, 'measure');
  const ni = col(slice, 'n');
  const si = col(slice, 'share');
  const by = (m) => slice.rows.filter((r) => r[mi] === m).map((r) => [Number(r[ni]), r[si] == null ? null : Number(r[si])])
    .sort((a, b) => a[0] - b[0]);
  const unknown = slice.rows.find((r) => r[mi] === 'unknown_lifetime');
  return { top: by('top_models'), under: by('models_under'), lorenz: by('lorenz'), unknown: unknown ? Number(unknown[ni]) : 0 };
}

/** The row whose n is closest to `target` (200 in the report). */
function near(list, target) {
  let best = null;
  for (const row of list) if (row[1] != null && (!best || Math.abs(row[0] - target) < Math.abs(best[0] - target))) best = row;
  return best;
}

export const concentration = {
  name: 'concentration',
  title: 'Concentration',
  question: 'How much of all downloading goes to a handful of models?',

  build(state, slice, ctx) {
    const m = measures(slice);
    const accent = ctx.theme.accent;
    const lorenz = m.lorenz.length && m.lorenz[0][0] > 0 ? [[0, 0], ...m.lorenz] : m.lorenz;
    return composePanels(ctx, {
      layout: 'row',
      description: this.reading(state, slice, ctx),
      panels: [
        { title: 'Share of downloads held by the top N models', x: m.top.map(([n]) => `Top ${compact(n)}`),
          xKind: 'category', percent: true, height: ctx.narrow ? 220 : 300,
          series: [{ id: 'top', name: 'Share of lifetime downloads', color: accent, type: 'bar', data: m.top.map(([, s]) => s) }] },
        { title: 'Share of models with fewer than K downloads', x: m.under.map(([n]) => `<${compact(n)}`),
          xKind: 'category', percent: true, height: ctx.narrow ? 220 : 300,
          series: [{ id: 'under', name: 'Share of models', color: ctx.theme.accent2, type: 'bar', data: m.under.map(([, s]) => s) }] },
        { title: 'Lorenz curve of downloads', xKind: 'value', xPercent: true, percent: true, height: ctx.narrow ? 240 : 300,
          xName: 'Models, least downloaded first', sortTooltip: false,
          series: [
            { id: 'equal', name: 'Perfect equality', color: ctx.theme.muted, type: 'line', dashed: true, reference: true,
              data: [[0, 0], [1, 1]] },
            { id: 'lorenz', name: 'Share of downloads', color: accent, type: 'line', data: lorenz },
          ] },
      ],
    });
  },

  reading(state, slice, ctx = {}) {
    const m = measures(slice);
    const top = near(m.top, 200);
    const under = near(m.under, 200);
    const parts = [];
    // A selection with few models gives its top 200 everything: say so rather than print a bare "100%".
    if (top && top[1] >= 0.9995) parts.push(`The ${compact(top[0])} most downloaded models hold all of this selection’s lifetime downloads`);
    else if (top) parts.push(`The ${compact(top[0])} most downloaded models hold ${share(top[1])} of all lifetime downloads`);
    if (under) parts.push(`${share(under[1])} of models have fewer than ${compact(under[0])}`);
    if (!parts.length) return 'No model in this selection has recorded downloads.';
    let text = `${parts.join(', and ')}.`;
    if (m.unknown > 0) text += ` ${compact(m.unknown)} models with unknown lifetime downloads are left out.`;
    return text;
  },
};
