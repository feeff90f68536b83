// Headline figures: number cards, plus a small chart of repositories by type (click a bar to filter by type).
import { composePanels } from './panels.js';
import { col, faded, selectedOf, FADE } from './common.js';
import { label, color, countryPhrase, VOCAB } from '../vocab.js';
import { compact, share, month } from '../format.js';

export function measuresOf(slice) {
  const mi = col(slice, 'measure');
  const vi = col(slice, 'value');
  return Object.fromEntries(slice.rows.map((r) => [r[mi], r[vi]]));
}

/** "2025-03..2026-02" or {from, to} or a month -> readable; anything else prints as given. */
export function periodText(p) {
  if (p == null) return 'all time';
  if (typeof p === 'object') return p.from || p.to ? `${month(p.from)} – ${month(p.to)}` : 'all time';
  const ms = String(p).match(/\d{4}-\d{2}/g);
  if (ms && ms.length === 2) return `${month(ms[0])} – ${month(ms[1])}`;
  if (ms && ms.length === 1) return month(ms[0]);
  return String(p);
}

/** The headline cards: [{label, value, note}] (the page renders them with textContent). */
export function cards(slice) {
  const m = measuresOf(slice);
  const out = [
    { label: 'Repositories', value: compact(m.repositories),
      note: `${compact(m.models)} models · ${compact(m.datasets)} datasets · ${compact(m.spaces)} Spaces` },
    { label: 'Downloads', value: compact(m.downloads), note: periodText(m.period) },
    { label: 'Top 200 models’ share of downloads', value: share(m.top200_share), note: 'of all lifetime model downloads' },
    { label: 'Models with fewer than 200 downloads', value: share(m.under200_share), note: 'share of all models, lifetime' },
  ];
  if (m.leading_country != null) {
    out.push({ label: 'Leading publisher country', value: label('country', m.leading_country),
      note: `${share(m.leading_country_share)} of downloads from publishers of known country, last 12 months` });
  }
  if (m.leading_sector != null) {
    out.push({ label: 'Leading publisher sector', value: label('sector', m.leading_sector),
      note: `${share(m.leading_sector_share)} of downloads in the last 12 months` });
  }
  return out;
}

export const headline = {
  name: 'headline',
  title: 'At a glance',
  question: 'The Hub in a few numbers, for the current selection.',

  build(state, slice, ctx) {
    const m = measuresOf(slice);
    const sel = selectedOf(state, 'type');
    const keys = { model: 'models', dataset: 'datasets', space: 'spaces' };
    const series = [{
      id: 'counts', name: 'Repositories', type: 'bar', color: ctx.theme.accent,
      data: VOCAB.type.map((t) => ({ value: Number(m[keys[t]]) || 0, pick: { key: 'type', value: t },
        itemStyle: { color: color('type', t), opacity: faded(sel, t) ? FADE : 1 } })),
    }];
    return composePanels(ctx, {
      description: this.reading(state, slice, ctx),
      panels: [{ title: 'Repositories by type', horizontal: true, categories: VOCAB.type, categoryDim: 'type',
        catLabel: (t) => label('type', t), series, height: 130 }],
    });
  },

  reading(state, slice, ctx = {}) {
    const m = measuresOf(slice);
    if (!Number(m.repositories)) return 'No repositories match this selection.';
    let text = `${compact(m.repositories)} repositories: ${compact(m.models)} models, ${compact(m.datasets)} datasets and `
      + `${compact(m.spaces)} Spaces`;
    if (m.leading_country != null && m.leading_country_share != null) {
      // The engine's share is among downloads whose publisher country is known (the geography view says how many are not).
      text += `. ${countryPhrase(m.leading_country)} lead with ${share(m.leading_country_share)} of downloads from publishers `
        + 'of known country over the last 12 months';
    }
    return `${text}.`;
  },
};
