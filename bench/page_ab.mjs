// Side by side: two (or more) built sites opened in turn in a fresh headless Chromium, the page's own measures read
// when it has settled. Usage: node bench/page_ab.mjs [--runs 5] [--query 'country=CN'] [--open-only] build/site /tmp/other-site
// Prints the median of hubreport:open and hubreport:interactive per site: compare ratios, not absolute times.
// --open-only stops each run at hubreport:open (no wait for the engine's load) and prints, instead of
// hubreport:interactive, when the engine module, index and manifest were in (hubreport:opened) and when the
// precomputed views were (hubreport:precomputed).
import { serve, browser, settled, idle } from '../tests/browser/lib.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.indexOf(name) >= 0 ? argv.splice(argv.indexOf(name), 2)[1] : fallback);
const flag = (name) => (argv.indexOf(name) >= 0 ? Boolean(argv.splice(argv.indexOf(name), 1)) : false);
const runs = Number(option('--runs', 5));
const query = option('--query', '');
const openOnly = flag('--open-only');
const sites = argv.length ? argv : ['build/site'];
const names = openOnly ? ['hubreport:open', 'hubreport:opened', 'hubreport:precomputed'] : ['hubreport:open', 'hubreport:interactive'];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// A measure's duration, or a mark's time from navigation start.
const read = (page, name) => page.evaluate((n) => {
  const e = performance.getEntriesByName(n)[0];
  return e ? (e.entryType === 'mark' ? e.startTime : e.duration) : NaN;
}, name);

const times = sites.map(() => Object.fromEntries(names.map((n) => [n, []])));
for (let i = 0; i < runs; i++) {
  for (const [k, site] of sites.entries()) {
    const srv = await serve(site);
    const b = await browser();
    try {
      await b.page.goto(srv.url + (query ? `?${query}` : ''));
      const last = openOnly ? 'hubreport:open' : 'hubreport:interactive';
      if (!openOnly) {
        if (await settled(b.page) !== 'ready') throw new Error(`${site}: the page did not get ready`);
        await idle(b.page);
      }
      await b.page.waitForFunction((n) => performance.getEntriesByName(n).length > 0
        || document.documentElement.dataset.state === 'error', last, { timeout: 120_000 });
      if (await b.page.evaluate(() => document.documentElement.dataset.state) === 'error') throw new Error(`${site}: the page ended in error`);
      for (const n of names) times[k][n].push(await read(b.page, n));
    } finally { await b.close(); await srv.close(); }
  }
}
console.log(`| site (medians of ${runs}${query ? `, ?${query}` : ''}) | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const [k, site] of sites.entries()) {
  console.log(`| ${site} | ${names.map((n) => { const m = median(times[k][n]); return Number.isNaN(m) ? '-' : `${Math.round(m)} ms`; }).join(' | ')} |`);
}
