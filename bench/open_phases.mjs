// Where the page's open goes: opens a built site N times in a fresh headless Chromium and prints the median of
// each step from navigation start (the page's own marks, its scripts' and data files' fetches, the first paint).
// Usage: node bench/open_phases.mjs [--runs 5] [build/site]
import { serve, browser } from '../tests/browser/lib.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.indexOf(name) >= 0 ? argv.splice(argv.indexOf(name), 2)[1] : fallback);
const runs = Number(option('--runs', 5));
const site = argv[0] ?? 'build/site';
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const rows = new Map(); // step -> [ms per run]
const add = (step, ms) => { if (!rows.has(step)) rows.set(step, []); rows.get(step).push(ms); };
for (let i = 0; i < runs; i++) {
  const srv = await serve(site);
  const b = await browser();
  try {
    await b.page.goto(srv.url);
    await b.page.waitForFunction(() => performance.getEntriesByName('hubreport:open').length > 0
      || document.documentElement.dataset.state === 'error', null, { timeout: 120_000 });
    if (await b.page.evaluate(() => document.documentElement.dataset.state) === 'error') throw new Error(`${site}: the page ended in error`);
    const entries = await b.page.evaluate(() => {
      const out = [];
      const nav = performance.getEntriesByType('navigation')[0];
      out.push(['document: response end', nav.responseEnd], ['document: DOMContentLoaded', nav.domContentLoadedEventEnd]);
      for (const p of performance.getEntriesByType('paint')) out.push([`paint: ${p.name}`, p.startTime]);
      for (const r of performance.getEntriesByType('resource')) {
        const name = r.name.split('/').pop().split('?')[0];
        if (/\.(m?js|wasm|json|gz|css)$/.test(name)) out.push([`fetched: ${name}`, r.responseEnd]);
      }
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('hubreport:')) out.push([`mark: ${m.name}`, m.startTime]);
      const draws = performance.getEntriesByName('hubreport:draw');
      if (draws.length) {
        out.push(['draw: first starts', draws[0].startTime], ['draw: sum of draws', draws.reduce((s, d) => s + d.duration, 0)]);
      }
      out.push(['measure: hubreport:open', performance.getEntriesByName('hubreport:open')[0].duration]);
      return out;
    });
    const seen = new Set();
    for (const [step, ms] of entries) if (!seen.has(step)) { seen.add(step); add(step, ms); }
  } finally { await b.close(); await srv.close(); }
}
console.log(`| step (${site}, medians of ${runs}, ms from navigation start) | ms |`);
console.log('|---|---|');
for (const [step, xs] of [...rows].sort((a, b) => median(a[1]) - median(b[1]))) {
  console.log(`| ${step}${xs.length < runs ? ` (${xs.length} runs)` : ''} | ${Math.round(median(xs))} |`);
}
