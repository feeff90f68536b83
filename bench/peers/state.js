// The view state as the peers need it: the filter lists of a URL query, the time window, and the dictionary codes
// each filter allows. Mirrors src/core/state.cpp and Engine::filter for the benchmark's states.
export const UNKNOWN_MONTH = 0xffff;
export const DIMS = ['type', 'country', 'sector', 'org', 'task', 'modality', 'library', 'license', 'family', 'relation', 'size', 'sdk'];
export const COLUMN_OF = { type: 'type', country: 'country', sector: 'sector', org: 'author', task: 'task', modality: 'modality',
  library: 'library', license: 'license', family: 'family', relation: 'relation', size: 'size', sdk: 'sdk' };
export const TYPE_NAMES = ['model', 'dataset', 'space'];
export const SECTOR_NAMES = ['industry', 'academia', 'nonprofit', 'government', 'community'];
export const RELATION_NAMES = ['original', 'finetune', 'adapter', 'quantized', 'merge'];
export const SIZE_NAMES = ['lt1b', '1to9b', '10to99b', '100bplus', 'unknown'];
export const MODALITY_NAMES = ['text', 'vision', 'audio', 'multimodal', 'tabular', 'robotics', 'other', 'unknown'];
export const SDK_NAMES = ['none', 'gradio', 'streamlit', 'docker', 'static', 'other'];
export const VIEWS = ['headline', 'growth', 'concentration', 'geography', 'sectors', 'families', 'orgs', 'tasks', 'sizes', 'licenses', 'libraries', 'sdks'];

// Dimensions each view ignores (cross-filtering), as in views.cpp own_dims.
export const OWN = { growth: ['type'], geography: ['country'], sectors: ['sector'], orgs: ['org'], tasks: ['task', 'modality'],
  families: ['family', 'relation'], sizes: ['size'], licenses: ['license'], libraries: ['library'], sdks: ['sdk'] };

export const parseMonth = (s) => (Number(s.slice(0, 4)) - 2000) * 12 + Number(s.slice(5, 7)) - 1;
export const formatMonth = (m) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

export function parseQuery(query) {
  const p = new URLSearchParams(query);
  const filters = {};
  for (const d of DIMS) if (p.get(d)) filters[d] = p.get(d).split('~');
  return { filters, from: p.get('from') ? parseMonth(p.get('from')) : null, to: p.get('to') ? parseMonth(p.get('to')) : null,
    cumulative: p.get('cum') === '1' };
}

export function timeWindow(schema, st) {
  const windowed = st.from != null || st.to != null;
  const lo = st.from ?? 0, hi = st.to ?? schema.month;
  const axisFirst = st.from ?? schema.data_first;
  return { windowed, lo, hi, axisFirst, months: hi >= axisFirst ? hi - axisFirst + 1 : 0 };
}

// Per filtered dimension, the codes it allows (an empty list when it names nothing the snapshot has).
export function allowedCodes(schema, st) {
  const byName = (dict, alias) => (names) => {
    const out = [];
    for (const w of names) {
      if (alias && w === alias) { out.push(0); continue; }
      dict.forEach((v, i) => { if (v === w) out.push(i); });
    }
    return [...new Set(out)].sort((a, b) => a - b);
  };
  const byEnum = (list) => (names) => names.map((w) => list.indexOf(w)).filter((i) => i >= 0);
  const resolve = {
    type: byEnum(TYPE_NAMES), country: byName(schema.countries, 'unknown'), sector: byEnum(SECTOR_NAMES),
    org: byName(schema.authors, '(none)'), task: byName(schema.tasks, 'unknown'), modality: byEnum(MODALITY_NAMES),
    library: byName(schema.libraries, 'unknown'), license: byName(schema.licenses, 'unknown'),
    family: (names) => byName(schema.families, '')(names).filter((i) => i !== 0), relation: byEnum(RELATION_NAMES),
    size: byEnum(SIZE_NAMES), sdk: byEnum(SDK_NAMES),
  };
  const out = {};
  for (const [d, names] of Object.entries(st.filters)) out[d] = resolve[d](names);
  return out;
}

export function period(schema, w) {
  if (w.windowed) return `${formatMonth(w.lo === 0 ? w.axisFirst : w.lo)}..${formatMonth(w.hi)}`;
  if (schema.single_dump) return 'last 30 days';
  return `${schema.series_first === UNKNOWN_MONTH ? 'none' : formatMonth(schema.series_first)}..${formatMonth(w.hi)}`;
}

export const round6 = (x) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

// param_bin and param_bin_mid of items.cpp: 16 log2 bins per doubling.
export function paramBin(v) {
  const msb = v >= 2 ** 32 ? 63 - Math.clz32(Math.floor(v / 2 ** 32)) : 31 - Math.clz32(v);
  const frac = msb >= 4 ? Math.floor(v / 2 ** (msb - 4)) & 15 : (v * 2 ** (4 - msb)) & 15;
  return msb * 16 + frac;
}
export const paramBinMid = (b) => ((1 + (b % 16) / 16) * 2 ** Math.floor(b / 16) + (1 + ((b % 16) + 1) / 16) * 2 ** Math.floor(b / 16)) / 2;
