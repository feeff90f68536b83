// Number, share and month formatting shared by charts, tables and readings. English, like the report.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Numbers are formatted by hand, not by Intl.NumberFormat: in a fresh browser its compact format took 34-52 ms to
// construct, against 25-31 ms for vocab.js's Intl.DisplayNames, the page's one other Intl object (whichever comes
// first loads ICU's data). The output is Intl's for 'en' (a unit test compares them); half-way cases round away from
// zero, as Intl's default rounding mode does.
const COMPACT_UNITS = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
const roundAway = (x) => Math.sign(x) * Math.round(Math.abs(x));
const grouped = (digits) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/** "2025-03" -> "Mar 2025"; null (creation date unknown) -> "Date unknown". */
export function month(m) {
  if (m == null) return 'Date unknown';
  const match = /^(\d{4})-(\d{2})$/.exec(String(m));
  if (!match) return String(m);
  return `${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** Month arithmetic on "YYYY-MM" strings. */
export function addMonths(m, n) {
  const [y, mo] = m.split('-').map(Number);
  const t = y * 12 + (mo - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** 1234567 -> "1.2M"; small numbers stay exact. */
export function compact(n) {
  if (n == null || !Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs < 1000) return integer(n);
  let u = COMPACT_UNITS.findIndex(([size]) => abs >= size);
  let tenths = Math.round(abs / (COMPACT_UNITS[u][0] / 10));
  if (tenths >= 10000 && u > 0) { u -= 1; tenths = Math.round(abs / (COMPACT_UNITS[u][0] / 10)); } // 999.95K is 1M
  const whole = String(Math.floor(tenths / 10));
  // Compact numbers group their digits only from five on ("1500T", "12,345T").
  return `${n < 0 ? '-' : ''}${whole.length > 4 ? grouped(whole) : whole}${tenths % 10 ? `.${tenths % 10}` : ''}${COMPACT_UNITS[u][1]}`;
}

/** 1234567 -> "1,234,567" (tables show exact counts). */
export function integer(n) {
  if (n == null || !Number.isFinite(n)) return '–';
  const r = roundAway(n);
  return `${r < 0 ? '-' : ''}${grouped(Math.abs(r).toFixed(0))}`;
}

/** Fraction in [0,1] -> "41%", "49.6%", "0.04%": enough digits to tell small shares apart. */
export function share(x) {
  if (x == null || Number.isNaN(x)) return '–';
  const p = x * 100;
  if (p === 0) return '0%';
  const abs = Math.abs(p);
  const digits = abs >= 10 ? 1 : abs >= 1 ? 1 : abs >= 0.1 ? 2 : 3;
  const s = p.toFixed(digits).replace(/\.?0+$/, '');
  return `${s === '-0' ? '0' : s}%`;
}

/** Signed change as a percentage: 0.85 -> "+85%". */
export function change(x) {
  if (x == null || !Number.isFinite(x)) return '–';
  const s = share(Math.abs(x));
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/** Parameter counts: 827e6 -> "827M", 20.8e9 -> "20.8B". */
export function params(n) {
  if (n == null || !Number.isFinite(n) || n <= 0) return '–';
  if (n >= 1e12) return `${trim(n / 1e12)}T`;
  if (n >= 1e9) return `${trim(n / 1e9)}B`;
  if (n >= 1e6) return `${trim(n / 1e6)}M`;
  if (n >= 1e3) return `${trim(n / 1e3)}K`;
  return String(Math.round(n));
}

function trim(v) {
  return (v >= 100 ? v.toFixed(0) : v.toFixed(1)).replace(/\.0$/, '');
}

/** Bytes for the loading bar. */
export function bytes(n) {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
  return `${n} B`;
}

/** A column value in a table cell, by the column's meaning. */
export function cell(column, value) {
  if (value == null) return column === 'month' ? month(value) : '–';
  if (column === 'month') return month(value);
  if (typeof value !== 'number') return String(value);
  if (/share|growth/.test(column)) return column === 'yoy_growth' ? change(value) : share(value);
  if (/params/.test(column)) return params(value);
  if (column === 'n' && value > 0 && value < 1) return share(value);
  return integer(value);
}

/** "yoy_growth" -> "Yoy growth"; tables use these as headers when no better label is known. */
export function columnLabel(column) {
  const known = {
    month: 'Month', yoy_growth: 'Growth (year on year)', repos: 'Repositories', repos_prev12: 'Repositories, previous 12 months',
    repos_last12: 'Repositories, last 12 months', mean_params: 'Mean parameters (download-weighted)',
    median_params: 'Median parameters (download-weighted)', n: 'N', org: 'Organisation', sdk: 'SDK',
    direct: 'Direct (parent in root org)',
  };
  if (known[column]) return known[column];
  const s = column.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
