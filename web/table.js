// The table tab: a view's slice as an HTML table. Values that are filters (a country, an organisation, ...)
// are buttons, so cross-filtering also works from the keyboard.
import { h, clear } from './dom.js';
import { cell, columnLabel } from './format.js';
import { label, DIM_LABELS } from './vocab.js';

const MAX_ROWS = 500;
const FILTER_COLUMNS = ['country', 'sector', 'org', 'task', 'modality', 'library', 'license', 'family', 'size', 'sdk', 'type'];

export function renderTable(container, slice, { caption, onPick }) {
  clear(container);
  if (!slice || !Array.isArray(slice.columns)) return;
  const cols = slice.columns;
  const numeric = cols.map((c, i) => slice.rows.some((r) => typeof r[i] === 'number'));
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null },
      DIM_LABELS[c] ?? columnLabel(c))))));
  const body = h('tbody');
  const rows = slice.rows.slice(0, MAX_ROWS);
  for (const r of rows) {
    const tr = h('tr');
    cols.forEach((c, i) => {
      const v = r[i];
      const isFilter = FILTER_COLUMNS.includes(c);
      const text = isFilter && v != null ? label(c, v) : cell(c, v);
      const pickable = isFilter && v != null && v !== 'other' && v !== 'all' && onPick;
      const content = pickable
        ? h('button', { type: 'button', class: 'cell-filter', title: `Filter by ${DIM_LABELS[c] ?? c}: ${text}`,
          onclick: () => onPick({ key: c, value: String(v) }) }, text)
        : text;
      tr.append(h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: numeric[i] ? 'num' : null }, content));
    });
    body.append(tr);
  }
  table.append(body);
  container.append(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table));
  if (!slice.rows.length) container.append(h('p', { class: 'table-note' }, 'No data for this selection.'));
  if (slice.rows.length > MAX_ROWS) {
    container.append(h('p', { class: 'table-note' },
      `Showing the first ${MAX_ROWS} of ${slice.rows.length} rows. Download the CSV for all of them.`));
  }
}
