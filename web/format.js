// Number, share and month formatting shared by charts, tables and readings. English, like the report.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const compactFmt = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const intFmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

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
  if (n == null || Number.isNaN(n)) return '–';
  return Math.abs(n) < 1000 ? intFmt.format(n) : compactFmt.format(n);
}

/** 1234567 -> "1,234,567" (tables show exact counts). */
export function integer(n) {
  if (n == null || Number.isNaN(n)) return '–';
  return intFmt.format(n);
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
