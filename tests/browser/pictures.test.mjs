// The default view's build-time pictures (web/pictures.js, scripts/prerender.mjs): shown at once on opening the
// default view at the desktop width, each turned into its live chart; never used where they do not fit; a damaged
// or foreign pictures file only means drawing the charts.
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, settled, viewStates, assert, VIEW_NAMES } from './lib.mjs';

const precomputedAll = (page) => page.waitForFunction(() => document.documentElement.dataset.drawn === 'precomputed-all', null,
  { timeout: 60_000 });
const charts = (page) => page.waitForFunction(() => VIEW_NAMES_ON_PAGE().every((s) => s.dataset.drawn === 'true'), null,
  { timeout: 60_000 });

async function opened(site, { viewport, colorScheme, route } = {}) {
  const srv = await serve(site);
  const b = await browser({ viewport, colorScheme });
  await b.page.addInitScript(() => {
    window.VIEW_NAMES_ON_PAGE = () => [...document.querySelectorAll('section[data-view]')];
    // What each view showed when the page said every view was drawn, before anything could turn a picture.
    new MutationObserver((records, observer) => {
      if (document.documentElement.dataset.drawn !== 'precomputed-all') return;
      observer.disconnect();
      window.AT_OPEN = Object.fromEntries(window.VIEW_NAMES_ON_PAGE().map((sec) => [sec.dataset.view, {
        drawn: sec.dataset.drawn, picture: Boolean(sec.querySelector('.chart img.chart-picture')),
        reading: sec.querySelector('.reading').textContent, label: sec.querySelector('.chart').getAttribute('aria-label') }]));
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-drawn'] });
  });
  if (route) await b.page.route('**/pictures-*.json.gz', route);
  await b.page.goto(srv.url);
  await precomputedAll(b.page);
  return { ...b, done: async () => { await b.close(); await srv.close(); } };
}

/** Per view at this moment: picture or chart, its reading. */
const shownAs = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-view]')].map((s) => [
  s.dataset.view, { drawn: s.dataset.drawn, picture: Boolean(s.querySelector('.chart img.chart-picture')),
    reading: s.querySelector('.reading').textContent, label: s.querySelector('.chart').getAttribute('aria-label') }])));

async function picturesThenCharts(site, opts) {
  const t = await opened(site, opts);
  try {
    const first = await t.page.evaluate(() => window.AT_OPEN);
    for (const n of VIEW_NAMES) assert(first?.[n]?.drawn === 'picture' && first[n].picture, `${n} did not open on its picture: ${first?.[n]?.drawn}`);
    await charts(t.page);
    const live = await viewStates(t.page);
    const after = await shownAs(t.page);
    for (const n of VIEW_NAMES) {
      assert(live[n].canvas && !after[n].picture, `${n} did not become its live chart`);
      // The picture's text came from the same view code in the same context: the live view says the same.
      assert(first[n].reading === after[n].reading, `${n}: the picture read "${first[n].reading}", the chart "${after[n].reading}"`);
      assert(first[n].label === after[n].label, `${n}: the picture's label differs from the chart's`);
    }
    const m = await t.page.evaluate(() => ['hubreport:open', 'hubreport:charts'].map((n) => Math.round(performance.getEntriesByName(n)[0]?.duration ?? -1)));
    assert(m[0] > 0 && m[1] >= m[0], `measures open ${m[0]}, charts ${m[1]}`);
    assert(t.problems.length === 0, t.problems.join('; '));
    return `hubreport:open ${m[0]} ms, hubreport:charts ${m[1]} ms`;
  } finally { await t.done(); }
}

export const tests = {
  async 'the default view opens on its pictures, each then its live chart with the same reading'({ site }) {
    return picturesThenCharts(site, {});
  },

  async 'pictures in the dark scheme and in a wider window too'({ site }) {
    const dark = await picturesThenCharts(site, { colorScheme: 'dark' });
    const wide = await picturesThenCharts(site, { viewport: { width: 1920, height: 1000 } });
    return `dark: ${dark}; 1920 px: ${wide}`;
  },

  async 'a narrower window draws the charts: no picture is stretched'({ site }) {
    const t = await opened(site, { viewport: { width: 1100, height: 900 } });
    try {
      const first = await shownAs(t.page);
      for (const n of VIEW_NAMES) assert(first[n].drawn === 'true' && !first[n].picture, `${n}: ${first[n].drawn}`);
      assert(t.problems.length === 0, t.problems.join('; '));
    } finally { await t.done(); }
  },

  async 'pointing at a picture turns it into its chart at once'({ site }) {
    const t = await opened(site);
    try {
      const got = await t.page.evaluate(async () => {
        const s = document.querySelector('section[data-view=sdks]'); // the last: the idle turns reach it last
        const before = s.dataset.drawn;
        s.querySelector('.chart').dispatchEvent(new PointerEvent('pointerenter'));
        await new Promise((r) => setTimeout(r, 0));
        return { before, after: s.dataset.drawn, canvas: Boolean(s.querySelector('.chart canvas')) };
      });
      assert(got.before === 'picture', `sdks was ${got.before} before it was pointed at`);
      assert(got.after === 'true' && got.canvas, `sdks is ${got.after} after it was pointed at`);
    } finally { await t.done(); }
  },

  async 'a damaged, foreign or slow pictures file only means drawing the charts'({ site }) {
    const real = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(site, 'pictures-light.json.gz'))));
    const foreign = zlib.gzipSync(JSON.stringify({ ...real, views_sha256: '0'.repeat(64) }));
    const badSvg = zlib.gzipSync(JSON.stringify({ ...real,
      views: Object.fromEntries(Object.entries(real.views).map(([k, v]) => [k, { ...v, svg: '<svg><unclosed' }])) }));
    const cases = {
      damaged: (route) => route.fulfill({ status: 200, body: Buffer.from('not gzip at all') }),
      missing: (route) => route.fulfill({ status: 404, body: '' }),
      foreign: (route) => route.fulfill({ status: 200, body: foreign }),
      'unreadable pictures': (route) => route.fulfill({ status: 200, body: badSvg }),
      // Held back until long after the views: the page draws them rather than wait.
      slow: async (route) => { await new Promise((r) => { setTimeout(r, 8000); }); await route.continue().catch(() => {}); },
    };
    for (const [name, route] of Object.entries(cases)) {
      const t = await opened(site, { route });
      try {
        const first = await shownAs(t.page);
        for (const n of VIEW_NAMES) assert(first[n].drawn === 'true' && !first[n].picture, `${name}: ${n} is ${first[n].drawn}`);
        assert(await t.page.locator('#alert').isHidden(), `${name}: an alert is shown`);
        const problems = t.problems.filter((p) => !(name === 'missing' && /status of 404/.test(p))); // the browser's own line
        assert(problems.length === 0, `${name}: ${problems.join('; ')}`);
        assert(await settled(t.page) === 'ready', `${name}: not ready`);
      } finally { await t.done(); }
    }
  },
};
