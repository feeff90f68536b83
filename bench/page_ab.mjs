// Side by side: two (or more) built sites opened in turn in a fresh headless Chromium, the page's own measures read
// when it has settled. Usage: node bench/page_ab.mjs [--runs 5] [--query 'country=CN'] build/site /tmp/other-site
// Prints the median of hubreport:open and hubreport:interactive per site: compare ratios, not absolute times.
import { serve, browser, settled, idle } from '../tests/browser/lib.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.indexOf(name) >= 0 ? argv.splice(argv.indexOf(name), 2)[1] : fallback);
const runs = Number(option('--runs', 5));
const query = option('--query', '');
const sites = argv.length ? argv : ['build/site'];
const names = ['hubreport:open', 'hubreport:interactive'];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const times = sites.map(() => Object.fromEntries(names.map((n) => [n, []])));
for (let i = 0; i < runs; i++) {
  for (const [k, site] of sites.entries()) {
    const srv = await serve(site);
    const b = await browser();
    try {
      await b.page.goto(srv.url + (query ? `?${query}` : ''));
      if (await settled(b.page) !== 'ready') throw new Error(`${site}: the page did not get ready`);
      await idle(b.page);
      await b.page.waitForFunction(() => performance.getEntriesByName('hubreport:interactive').length > 0, null, { timeout: 120_000 });
      for (const n of names) {
        times[k][n].push(await b.page.evaluate((name) => performance.getEntriesByName(name)[0].duration, n));
      }
    } finally { await b.close(); await srv.close(); }
  }
}
console.log(`| site (medians of ${runs}${query ? `, ?${query}` : ''}) | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const [k, site] of sites.entries()) {
  console.log(`| ${site} | ${names.map((n) => `${Math.round(median(times[k][n]))} ms`).join(' | ')} |`);
}
