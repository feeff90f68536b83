// Display names and colors for dimension values. A value keeps its color in every chart
// (China is always the same red, industry always the same blue), so readers can follow it across views.

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
const COUNTRY_NAMES = new Map(); // code -> name: every series, legend item and tooltip asks

const LABELS = {
  type: { model: 'Models', dataset: 'Datasets', space: 'Spaces' },
  sector: { industry: 'Industry', academia: 'Academia', nonprofit: 'Non-profit', government: 'Government',
    community: 'Individuals & community' },
  size: { lt1b: '<1B', '1to9b': '1–9B', '10to99b': '10–99B', '100bplus': '100B+', unknown: 'Unknown size', all: 'All' },
  modality: { text: 'Text', vision: 'Vision', audio: 'Audio', multimodal: 'Multimodal', tabular: 'Tabular',
    robotics: 'Robotics & RL', other: 'Other', unknown: 'Unknown' },
  relation: { original: 'Original', finetune: 'Fine-tune', adapter: 'Adapter', quantized: 'Quantized', merge: 'Merge' },
  sdk: { gradio: 'Gradio', streamlit: 'Streamlit', docker: 'Docker', static: 'Static', other: 'Other' },
};

/** The fixed vocabularies (contracts §1), in display order. */
export const VOCAB = {
  type: ['model', 'dataset', 'space'],
  sector: ['industry', 'academia', 'nonprofit', 'government', 'community'],
  modality: ['text', 'vision', 'audio', 'multimodal', 'tabular', 'robotics', 'other', 'unknown'],
  relation: ['original', 'finetune', 'adapter', 'quantized', 'merge'],
  size: ['lt1b', '1to9b', '10to99b', '100bplus', 'unknown'],
  sdk: ['gradio', 'streamlit', 'docker', 'static', 'other'],
};

export const DIM_LABELS = {
  from: 'From', to: 'To', type: 'Type', country: 'Country', sector: 'Sector', org: 'Organisation', task: 'Task',
  modality: 'Modality', library: 'Library', license: 'License', family: 'Family', relation: 'Relation',
  size: 'Size', sdk: 'Spaces SDK',
};

/** Human name of a value: "CN" -> "China", "nonprofit" -> "Non-profit". Unknown values print as given. */
export function label(dim, value) {
  if (value == null) return 'Unknown';
  const v = String(value);
  if (v === 'other') return 'Other';
  if (v === 'unknown') return dim === 'country' ? 'Unknown / international' : 'Unknown';
  if (dim === 'country') {
    if (!COUNTRY_NAMES.has(v)) {
      let name = v;
      try { name = (regionNames && /^[A-Z]{2}$/.test(v) && regionNames.of(v)) || v; } catch { /* the code as given */ }
      COUNTRY_NAMES.set(v, name);
    }
    return COUNTRY_NAMES.get(v);
  }
  return LABELS[dim]?.[v] ?? v;
}

/** "China-based publishers" style phrases for readings. */
export function countryPhrase(code) {
  if (code === 'unknown' || code == null) return 'Publishers of unknown country';
  if (code === 'other') return 'Publishers elsewhere';
  return `${label('country', code)}-based publishers`;
}

// Categorical colors after Tableau 10 (grey left out: it means "other"/"unknown" here), then lighter companions.
// Distinct on white and on near-black, and checked against the decal patterns ECharts adds.
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f',
  '#a0cbe8', '#ffbe7d', '#8cd17d', '#d4a6c8', '#86bcb6', '#f1ce63', '#d37295'];
export const OTHER_COLOR = '#a3a9b1';
export const UNKNOWN_COLOR = '#7d858f';

const FIXED = {
  type: { model: '#3366cc', dataset: '#e4572e', space: '#17a589' },
  country: { CN: '#d62728', US: '#2f5fb3', FR: '#8e5bb8', DE: '#f2a516', GB: '#17a589', KR: '#d0457c', JP: '#b5651d',
    CA: '#7f9c2b', IN: '#e67e22', IL: '#2e93b8', AE: '#48a36b', SG: '#9b59b6', CH: '#c0392b', NL: '#5b6fd6',
    SE: '#cf9f00', RU: '#6d4c41', TW: '#00897b', ES: '#ad1457', IT: '#558b2f', AU: '#0277bd' },
  sector: { industry: '#3366cc', academia: '#e4572e', nonprofit: '#17a589', government: '#8e5bb8', community: '#f2a516' },
  size: { lt1b: '#9ecae1', '1to9b': '#4292c6', '10to99b': '#2171b5', '100bplus': '#08306b' },
  modality: { text: '#3366cc', vision: '#e4572e', audio: '#17a589', multimodal: '#8e5bb8', tabular: '#f2a516',
    robotics: '#d0457c', other: OTHER_COLOR },
  relation: { original: '#6c7a89', finetune: '#3366cc', adapter: '#17a589', quantized: '#f2a516', merge: '#8e5bb8' },
  sdk: { gradio: '#f2a516', streamlit: '#e4572e', docker: '#2e93b8', static: '#17a589' },
  family: { Qwen: '#8e5bb8', Llama: '#2f5fb3', DeepSeek: '#17a589', Mistral: '#e4572e', Gemma: '#f2a516' },
};

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The color of a value, the same in every chart. */
export function color(dim, value) {
  const v = String(value);
  if (v === 'other') return OTHER_COLOR;
  if (v === 'unknown' || value == null) return UNKNOWN_COLOR;
  return FIXED[dim]?.[v] ?? PALETTE[hash(`${dim}:${v}`) % PALETTE.length];
}

/** Colors for the values shown together in one chart, in rank order: fixed ones keep theirs (China is always
 *  red), the others take the free palette colors in turn, so the largest get the most distinct colors. */
export function colorMap(dim, values) {
  const out = new Map();
  const used = new Set();
  for (const v of values) {
    if (FIXED[dim]?.[v] || v === 'other' || v === 'unknown') { out.set(v, color(dim, v)); used.add(color(dim, v)); }
  }
  // Free colors too close to one already shown (Tableau blue beside Llama's blue) are passed over while others
  // remain; when none is far enough, the farthest is taken.
  const nearest = (x) => Math.min(...[...used].map((u) => distance(x, u)));
  for (const v of values) {
    if (out.has(v)) continue;
    const left = PALETTE.filter((c) => !used.has(c));
    const c = left.find((x) => nearest(x) > 70)
      ?? left.reduce((best, x) => (best == null || nearest(x) > nearest(best) ? x : best), null) ?? color(dim, v);
    out.set(v, c);
    used.add(c);
  }
  return out;
}

const RGB = new Map(); // "#rrggbb" -> [r, g, b]: colorMap compares every free color with every used one
function rgb(hex) {
  let c = RGB.get(hex);
  if (!c) RGB.set(hex, (c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))));
  return c;
}

function distance(a, b) {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}
