// 1. Growth: repositories created per month by type; `cum=1` shows running totals.
import { composePanels } from './panels.js';
import { col, monthsOf, last12, periodPhrase, faded, selectedOf, withoutPartial, partialNote } from './common.js';
import { compact, share, change, month } from '../format.js';
import { label, color, VOCAB } from '../vocab.js';

/** Per-month counts by type, without the snapshot's partial month (its count would read as a sudden drop). */
function series(slice, ctx) {
  const mi = col(slice, 'month');
  const byMonth = new Map();
  let undated = 0;
  for (const r of slice.rows) {
    if (r[mi] == null) {
      undated += VOCAB.type.reduce((s, t) => s + (Number(r[slice.columns.indexOf(t)]) || 0), 0);
      continue;
    }
    byMonth.set(r[mi], r);
  }
  const all = monthsOf(slice.rows, mi);
  const { months, keep } = withoutPartial(all, ctx);
  const data = {};
  for (const t of VOCAB.type) {
    const i = slice.columns.indexOf(t);
    data[t] = keep(all.map((m) => (i >= 0 ? Number(byMonth.get(m)?.[i]) || 0 : 0)));
  }
  return { months, data, undated, note: partialNote(ctx, all) };
}

export const growth = {
  name: 'growth',
  title: 'Growth',
  question: 'How many repositories are created each month, by type?',

  build(state, slice, ctx) {
    const { months, data, note } = series(slice, ctx);
    const cumulative = state.cum === '1';
    const selected = selectedOf(state, 'type');
    // With cum=1 the engine's slice already holds running totals (counting what was created before the axis
    // starts): draw them as they are, stacked.
    const s = VOCAB.type.map((t) => {
      const values = data[t];
      return { id: `type|${t}`, name: label('type', t), color: color('type', t), data: values, type: 'line',
        area: cumulative, stack: cumulative ? 'total' : undefined, faded: faded(selected, t), pick: { key: 'type', value: t } };
    });
    return composePanels(ctx, {
      legendNames: s.map((x) => x.name),
      description: this.reading(state, slice, ctx),
      note,
      panels: [{ x: months, xKind: 'month', series: s, sortTooltip: false,
        height: ctx.narrow ? 260 : 340, title: cumulative ? 'Repositories created, running total' : 'Repositories created per month' }],
    });
  },

  reading(state, slice, ctx = {}) {
    const { months, data, undated } = series(slice, ctx);
    if (!months.length || VOCAB.type.every((t) => data[t].every((v) => !v))) {
      return `No repositories were created in this selection${undated ? ` with a known creation date (${compact(undated)} have none)` : ''}.`;
    }
    const total = (ms) => {
      const set = new Set(ms);
      let n = 0;
      months.forEach((m, i) => { if (set.has(m)) for (const t of VOCAB.type) n += data[t][i]; });
      return n;
    };
    if (state.cum === '1') {
      // Running totals: read the last month's total, not a sum of totals.
      const i = months.length - 1;
      const now = VOCAB.type.reduce((n, t) => n + data[t][i], 0);
      let text = `${compact(now)} repositories had been created by the end of ${month(months[i])}`;
      if (now > 0) text += `; ${share(data.model[i] / now)} of them were models`;
      return `${text}.${undated > 0 ? ` ${compact(undated)} more have no known creation date.` : ''}`;
    }
    const recent = last12(months);
    const now = total(recent.months);
    const prevMonths = months.filter((m) => m < recent.start).slice(-12);
    const models = recent.months.reduce((s, m) => s + data.model[months.indexOf(m)], 0);
    let text = `${compact(now)} repositories were created ${periodPhrase(recent.months)}`;
    if (prevMonths.length === 12 && total(prevMonths) > 0) {
      text += `, ${change(now / total(prevMonths) - 1)} on the 12 months before`;
    }
    if (now > 0) text += `; ${share(models / now)} of them were models`;
    text += '.';
    if (undated > 0) text += ` ${compact(undated)} more have no known creation date.`;
    return text;
  },
};
