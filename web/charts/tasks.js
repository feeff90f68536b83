// 7. Tasks and modalities: new models by modality over time; the most common model tasks and dataset categories.
import { composePanels } from './panels.js';
import { col, pivot, seriesByMonth, faded, selectedOf, FADE, withoutPartial, partialNote } from './common.js';
import { label, colorMap, VOCAB } from '../vocab.js';
import { compact, share } from '../format.js';

function byType(slice, type) {
  const ti = col(slice, 'type');
  return { ...slice, rows: slice.rows.filter((r) => r[ti] === type) };
}

/** Tasks ranked by repositories in the window: [{task, modality, repos, downloads}]. */
function ranked(slice) {
  const ti = col(slice, 'task');
  const mi = col(slice, 'modality');
  const ri = col(slice, 'repos');
  const di = slice.columns.indexOf('downloads');
  const by = new Map();
  for (const r of slice.rows) {
    const t = r[ti] ?? 'unknown';
    if (!by.has(t)) by.set(t, { task: t, modality: r[mi] ?? 'unknown', repos: 0, downloads: 0 });
    const x = by.get(t);
    x.repos += Number(r[ri]) || 0;
    if (di >= 0) x.downloads += Number(r[di]) || 0;
  }
  return [...by.values()].sort((a, b) => b.repos - a.repos);
}

function barPanel(ctx, title, list, state, colors, panel) {
  const taskSel = selectedOf(state, 'task');
  const mods = [...new Set(list.map((t) => t.modality))];
  return {
    title, horizontal: true, categories: list.map((t) => t.task), categoryDim: 'task', sortTooltip: true,
    series: mods.map((m) => ({
      id: `${panel}:modality|${m}`, name: label('modality', m), color: colors.get(m), type: 'bar', stack: 'task',
      pick: { key: 'modality', value: m },
      data: list.map((t) => (t.modality === m
        ? { value: t.repos, pick: { key: 'task', value: t.task }, itemStyle: faded(taskSel, t.task) ? { opacity: FADE } : undefined }
        : null)),
    })),
  };
}

export const tasks = {
  name: 'tasks',
  title: 'Tasks and modalities',
  question: 'What are new models and datasets for: text, vision, audio, robotics?',

  build(state, slice, ctx) {
    const models = byType(slice, 'model');
    const datasets = byType(slice, 'dataset');
    const colors = colorMap('modality', VOCAB.modality);
    const modSel = selectedOf(state, 'modality');
    const p = pivot(models, 'modality', 'repos');
    const mods = VOCAB.modality.filter((m) => p.totals.get(m) > 0);
    const all = seriesByMonth(p, mods);
    const { months, keep } = withoutPartial(all.months, ctx);
    const area = mods.map((m) => ({ id: `0:modality|${m}`, name: label('modality', m), color: colors.get(m), type: 'line',
      area: true, stack: 'mod', data: keep(all.data.get(m)), faded: faded(modSel, m), pick: { key: 'modality', value: m } }));
    const k = ctx.narrow ? 8 : 12;
    // "unknown" (no task given) and "other" (the long tail) are not tasks: the bars rank named tasks only.
    const top = (s) => ranked(s).filter((t) => t.task !== 'other' && t.task !== 'unknown').slice(0, k);
    const panels = [
      { title: 'New models per month, by modality', x: months, xKind: 'month', series: area },
      barPanel(ctx, 'Most common model tasks (new models that name one)', top(models), state, colors, 1),
    ];
    const ds = top(datasets);
    if (ds.length) panels.push(barPanel(ctx, 'Most common dataset task categories (new datasets that name one)', ds, state, colors, 2));
    // The legend names every modality drawn anywhere: with no models, the dataset bars still need one.
    const drawn = new Set(panels.flatMap((p) => p.series.filter((x) => x.data.some((d) => d != null)).map((x) => x.name)));
    const legendNames = VOCAB.modality.map((m) => label('modality', m)).filter((n) => drawn.has(n));
    return composePanels(ctx, { legendNames, panels, description: this.reading(state, slice, ctx),
      note: partialNote(ctx, all.months, 'The monthly chart of new models') });
  },

  reading(state, slice, ctx = {}) {
    const m = ranked(byType(slice, 'model')).filter((t) => t.task !== 'unknown' && t.task !== 'other');
    const d = ranked(byType(slice, 'dataset')).filter((t) => t.task !== 'unknown' && t.task !== 'other');
    const all = (list) => list.reduce((s, t) => s + t.repos, 0) || 1;
    const parts = [];
    if (m.length && m[0].repos) parts.push(`the most common model task is ${m[0].task} (${share(m[0].repos / all(m))} of new models that name one)`);
    if (d.length && d[0].repos) parts.push(`the largest dataset category is ${d[0].task} (${compact(d[0].repos)} datasets)`);
    if (!parts.length) return 'No repository in this selection names a task.';
    const text = parts.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
};
