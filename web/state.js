// The URL query string IS the view state. The engine's {"op":"state"} validates and canonicalises it;
// this module only reads keys and builds new query strings by setting or removing keys.

/** Keys whose value is a `~`-joined list (docs/contracts.md §1). */
export const LIST_KEYS = ['type', 'country', 'sector', 'org', 'task', 'modality', 'library', 'license', 'family',
  'relation', 'size', 'sdk'];

/** Keys that narrow the data (chips and "reset" act on these). Order = chip order. */
export const FILTER_KEYS = ['from', 'to', ...LIST_KEYS];

// `~` separates list items, so it must be escaped inside a value even though encodeURIComponent leaves it.
const encodeItem = (v) => encodeURIComponent(String(v)).replace(/~/g, '%7E');

function decodeItem(s) {
  try { return decodeURIComponent(s); } catch { return s; }
}

/** "a=1&b=x~y" -> [["a","1"],["b","x~y"]] with raw (still encoded) values, in order. */
function entries(query) {
  const q = String(query || '').replace(/^\?/, '');
  if (!q) return [];
  return q.split('&').filter(Boolean).map((part) => {
    const i = part.indexOf('=');
    return i < 0 ? [decodeItem(part), ''] : [decodeItem(part.slice(0, i)), part.slice(i + 1)];
  });
}

const join = (list) => list.map(([k, v]) => (v === '' ? encodeItem(k) : `${encodeItem(k)}=${v}`)).join('&');

/** The decoded value of a scalar key, or null. */
export function getValue(query, key) {
  const hit = entries(query).find(([k]) => k === key);
  return hit ? decodeItem(hit[1]) : null;
}

/** The decoded items of a list key ([] when absent). */
export function getList(query, key) {
  const hit = entries(query).find(([k]) => k === key);
  if (!hit || hit[1] === '') return [];
  return hit[1].split('~').map(decodeItem);
}

/** Every key present, decoded: {key: string|string[]}. For chips and controls, not for validation. */
export function read(query) {
  const out = {};
  for (const [k, raw] of entries(query)) {
    out[k] = LIST_KEYS.includes(k) ? (raw === '' ? [] : raw.split('~').map(decodeItem)) : decodeItem(raw);
  }
  return out;
}

/** A new query with `key` set to `value` (string, list, or null/[]/'' to remove it). */
export function withKey(query, key, value) {
  const list = entries(query).filter(([k]) => k !== key);
  const empty = value == null || value === '' || (Array.isArray(value) && value.length === 0);
  if (!empty) {
    const raw = Array.isArray(value) ? value.map(encodeItem).join('~') : encodeItem(value);
    list.push([key, raw]);
  }
  return join(list);
}

/** Add `value` to a list key, or remove it if present: what clicking a bar or legend item does. */
export function toggle(query, key, value) {
  const list = getList(query, key);
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return withKey(query, key, next);
}

/** The query without any filter (keeps the snapshot and the display keys such as `cum` and `embed`). */
export function withoutFilters(query) {
  return join(entries(query).filter(([k]) => !FILTER_KEYS.includes(k)));
}

/** The query without `key` whose name an engine error quotes, e.g. "bad value for 'from': ..." -> "from". */
export function keyNamedIn(message) {
  const m = /'([^']{1,40})'/.exec(String(message || ''));
  return m ? m[1] : null;
}

export function hasKey(query, key) {
  return entries(query).some(([k]) => k === key);
}
