// The filter panel (a sidebar on wide screens, a drawer on phones) and the active-filter chips.
// Controls only propose new query strings; the engine validates them (docs/contracts.md §1).
import { h, clear, announce } from './dom.js';
import { withKey, toggle, getList, withoutFilters, FILTER_KEYS, LIST_KEYS } from './state.js';
import { label, VOCAB, DIM_LABELS } from './vocab.js';
import { month, addMonths } from './format.js';
import { namesOf } from './engine-client.js';

const GROUPS = [
  { title: 'Time', controls: [{ kind: 'months' }] },
  { title: 'Repositories', controls: [{ key: 'type', kind: 'toggles' }] },
  { title: 'Publisher', controls: [{ key: 'country', kind: 'search', hint: 'e.g. China or CN' }, { key: 'sector', kind: 'toggles' },
    { key: 'org', kind: 'search', hint: 'type the start of a name' }] },
  { title: 'Task', controls: [{ key: 'modality', kind: 'toggles' }, { key: 'task', kind: 'search', hint: 'e.g. text-generation' }] },
  { title: 'Software and license', controls: [{ key: 'library', kind: 'search', hint: 'e.g. transformers' },
    { key: 'license', kind: 'search', hint: 'e.g. apache-2.0' }] },
  { title: 'Model lineage and size', controls: [{ key: 'family', kind: 'search', hint: 'e.g. Qwen' }, { key: 'relation', kind: 'toggles' },
    { key: 'size', kind: 'toggles' }] },
  { title: 'Spaces', controls: [{ key: 'sdk', kind: 'toggles' }] },
];

let uid = 0;

/** change(fn): fn maps the current query to the next one; the controller applies it. */
export function createFilters(form, { engine, change }) {
  const syncers = [];
  const range = { first: null, last: null };
  clear(form);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const group of GROUPS) {
    const box = h('fieldset', { class: 'filter-group' }, h('legend', {}, group.title));
    for (const c of group.controls) {
      if (c.kind === 'months') box.append(monthsControl(change, syncers, range));
      else if (c.kind === 'toggles') box.append(togglesControl(c.key, change, syncers));
      else box.append(searchControl(c, engine, change, syncers));
    }
    form.append(box);
  }
  return {
    sync(state) { for (const s of syncers) s(state); },
    setRange(first, last) { range.first = first; range.last = last; for (const s of syncers) s(null); },
  };
}

function monthsControl(change, syncers, range) {
  const id = ++uid;
  const input = (key) => h('input', { type: 'month', id: `f-${key}-${id}`, name: key, pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM',
    onchange: (e) => change((q) => withKey(q, key, e.target.value || null)) });
  const from = input('from');
  const to = input('to');
  const preset = (text, n) => h('button', { type: 'button', class: 'btn-small', onclick: () => change((q) => {
    if (n == null || !range.last) return withKey(withKey(q, 'from', null), 'to', null);
    return withKey(withKey(q, 'from', addMonths(range.last, -(n - 1))), 'to', null);
  }) }, text);
  syncers.push((state) => {
    if (range.first) { from.min = range.first; to.min = range.first; }
    if (range.last) { from.max = range.last; to.max = range.last; }
    if (state) { from.value = state.from ?? ''; to.value = state.to ?? ''; }
  });
  return h('div', { class: 'months' },
    h('div', { class: 'field' }, h('label', { for: from.id }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: to.id }, 'To'), to),
    h('div', { class: 'presets', role: 'group', 'aria-label': 'Time presets' }, preset('Last 12 months', 12), preset('Last 24 months', 24),
      preset('All time', null)));
}

function togglesControl(key, change, syncers) {
  const buttons = VOCAB[key].map((v) => h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false', 'data-value': v,
    onclick: () => change((q) => toggle(q, key, v)) }, label(key, v)));
  syncers.push((state) => {
    if (!state) return;
    const sel = state[key] ?? [];
    for (const b of buttons) b.setAttribute('aria-pressed', String(sel.includes(b.dataset.value)));
  });
  return h('div', { class: 'field', role: 'group', 'aria-label': `${DIM_LABELS[key]} (none pressed means all)` },
    h('span', { class: 'field-label', 'aria-hidden': 'true' }, DIM_LABELS[key]), h('div', { class: 'toggles' }, buttons));
}

function searchControl({ key, hint }, engine, change, syncers) {
  const id = `f-${key}-${++uid}`;
  const list = h('datalist', { id: `${id}-list` });
  const input = h('input', { type: 'text', id, list: list.id, autocomplete: 'off', spellcheck: 'false', placeholder: hint,
    'aria-describedby': `${id}-msg` });
  const msg = h('p', { class: 'field-msg', id: `${id}-msg`, 'aria-live': 'polite' });
  const chosen = h('ul', { class: 'chosen', 'aria-label': `Chosen ${DIM_LABELS[key].toLowerCase()} filters` });
  let known = null; // values offered by the engine (null until loaded, or when the engine cannot list them)
  let loading = null;

  const fill = (values) => {
    clear(list);
    for (const v of values.slice(0, 200)) {
      const text = key === 'country' ? label('country', v) : v;
      list.append(h('option', { value: key === 'country' ? text : v }));
    }
  };
  const loadValues = () => {
    if (loading || key === 'org') return loading;
    loading = engine.values(key).then((a) => { known = namesOf(a); fill(known); }).catch(() => { known = null; });
    return loading;
  };
  let orgTimer = 0;
  const suggestOrgs = () => {
    clearTimeout(orgTimer);
    orgTimer = setTimeout(async () => {
      try {
        known = namesOf(await engine.orgs(input.value.trim(), 20));
        fill(known);
      } catch { known = null; }
    }, 120);
  };
  // "China", "cn" and "CN" all mean CN; other values match case-insensitively.
  const resolve = (text) => {
    const t = text.trim();
    if (!t) return null;
    const lower = t.toLowerCase();
    if (key === 'country') {
      if (/^[a-z]{2}$/i.test(t)) return t.toUpperCase();
      const hit = (known ?? []).find((v) => label('country', v).toLowerCase() === lower);
      if (hit) return hit;
      return lower === 'unknown' ? 'unknown' : null;
    }
    if (!known) return t;
    return known.find((v) => v.toLowerCase() === lower) ?? null;
  };
  const commit = async () => {
    if (key === 'org') {
      known = namesOf(await engine.orgs(input.value.trim(), 20).catch(() => null));
    } else await loadValues();
    const value = resolve(input.value);
    if (!value) {
      if (input.value.trim()) msg.textContent = `No ${DIM_LABELS[key].toLowerCase()} called “${input.value.trim()}” in this snapshot.`;
      return;
    }
    msg.textContent = '';
    input.value = '';
    change((q) => (getList(q, key).includes(value) ? q : toggle(q, key, value)));
  };
  input.addEventListener('focus', loadValues);
  input.addEventListener('input', (e) => {
    msg.textContent = '';
    // Picking a suggestion replaces the text (no inputType, or insertReplacementText): take it at once.
    // Typing ("mit" on the way to "mit-0") waits for Enter.
    const picked = !e.inputType || e.inputType === 'insertReplacementText';
    if (picked && input.value.trim()) commit();
    else if (key === 'org') suggestOrgs();
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } });
  input.addEventListener('change', () => { if (input.value.trim()) commit(); });

  syncers.push((state) => {
    if (!state) return;
    clear(chosen);
    for (const v of state[key] ?? []) {
      const text = label(key, v);
      chosen.append(h('li', {}, h('button', { type: 'button', class: 'chip', 'aria-label': `Remove ${DIM_LABELS[key].toLowerCase()} ${text}`,
        onclick: () => change((q) => toggle(q, key, v)) }, text, h('span', { 'aria-hidden': 'true', class: 'chip-x' }, '×'))));
    }
  });
  return h('div', { class: 'field' }, h('label', { for: id }, DIM_LABELS[key]), input, list, msg, chosen);
}

/** The chips bar: every active filter, removable, and a reset button. */
export function renderChips(container, state, change) {
  clear(container);
  const chips = [];
  for (const key of FILTER_KEYS) {
    const v = state[key];
    if (v == null || (Array.isArray(v) && !v.length)) continue;
    if (LIST_KEYS.includes(key)) {
      for (const item of v) chips.push({ key, text: `${DIM_LABELS[key]}: ${label(key, item)}`, remove: (q) => toggle(q, key, item) });
    } else {
      chips.push({ key, text: `${DIM_LABELS[key]} ${month(v)}`, remove: (q) => withKey(q, key, null) });
    }
  }
  if (!chips.length) {
    container.append(h('span', { class: 'chips-empty' }, 'No filters: showing the whole Hub.'));
    return 0;
  }
  const ul = h('ul', { class: 'chips', 'aria-label': 'Active filters' });
  for (const c of chips) {
    ul.append(h('li', {}, h('button', { type: 'button', class: 'chip', 'aria-label': `Remove filter ${c.text}`,
      onclick: () => { change(c.remove); announce(`Removed ${c.text}`); } }, c.text, h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'))));
  }
  container.append(ul, h('button', { type: 'button', class: 'btn-link reset', onclick: () => { change(withoutFilters); announce('All filters removed'); } },
    'Reset all'));
  return chips.length;
}

/** "Sector: Industry · From Jan 2025", for exports (empty when nothing is filtered). */
export function filterSummary(state) {
  const parts = [];
  for (const key of FILTER_KEYS) {
    const v = state[key];
    if (v == null || (Array.isArray(v) && !v.length)) continue;
    parts.push(LIST_KEYS.includes(key) ? `${DIM_LABELS[key]}: ${v.map((x) => label(key, x)).join(', ')}` : `${DIM_LABELS[key]} ${month(v)}`);
  }
  return parts.join(' · ');
}
