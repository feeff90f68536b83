// Compares a peer's report with the engine's, view by view: same rows (in any order), integers equal, fractions
// within 1e-6 (the engine prints shares with 6 decimals).
const isFraction = (v) => typeof v === 'number' && !Number.isInteger(v);
const rowKey = (row) => JSON.stringify(row.map((v) => (isFraction(v) ? Math.round(v * 1e4) : typeof v === 'bigint' ? Number(v) : v)));

export function compareView(expected, actual) {
  const a = [...expected].map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  const b = [...actual].map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  if (a.length !== b.length) return `${a.length} rows expected, ${b.length} found`;
  a.sort((x, y) => (rowKey(x) < rowKey(y) ? -1 : 1));
  b.sort((x, y) => (rowKey(x) < rowKey(y) ? -1 : 1));
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== b[i].length) return `row ${JSON.stringify(a[i])}: ${JSON.stringify(b[i])}`;
    for (let j = 0; j < a[i].length; j++) {
      const x = a[i][j], y = b[i][j];
      const same = typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) <= (isFraction(x) || isFraction(y) ? 1.5e-6 : 0) : x === y;
      if (!same) return `expected ${JSON.stringify(a[i])}, found ${JSON.stringify(b[i])}`;
    }
  }
  return null;
}

// {view: rows} for both sides; returns {view: null | "what differs"} for the views present in `actual`.
export function compareReports(expected, actual) {
  const out = {};
  for (const view of Object.keys(actual)) out[view] = expected[view] ? compareView(expected[view], actual[view]) : 'missing in the engine';
  return out;
}
