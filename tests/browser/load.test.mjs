// Loading: the page reaches "ready", every view is drawn with a reading, the sources panel and the synthetic
// banner say what the data is, and the open/engine timings are recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, serve, browser, settled, allDrawnForUrl, viewStates, assert, VIEW_NAMES, defaultSnapshot, copySite } from './lib.mjs';

export const tests = {
  async 'every view drawn with a reading'({ site }) {
    const t = await open(site);
    try {
      assert(t.state === 'ready', `data-state is ${t.state}: ${await t.page.textContent('#alert')}`);
      // Views that opened on their build-time picture become live charts once the engine is in (pictures.test.mjs).
      await t.page.waitForFunction(() => [...document.querySelectorAll('section[data-view]')].every((s) => s.dataset.drawn !== 'picture'),
        null, { timeout: 30_000 }).catch(() => {});
      const views = await viewStates(t.page);
      for (const name of VIEW_NAMES) {
        const v = views[name];
        assert(v, `no section[data-view=${name}]`);
        assert(v.drawn === 'true', `${name} not drawn (${v.drawn}): ${v.reading}`);
        assert(v.canvas, `${name} has no chart canvas`);
        assert(v.reading.length > 20, `${name} has no reading`);
      }
      const cards = await t.page.$$eval('section[data-view=headline] .card', (c) => c.length);
      assert(cards >= 4, `only ${cards} headline cards`);
      const measures = await t.page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
      assert(measures.includes('hubreport:open'), `no hubreport:open measure: ${measures}`);
      assert(t.problems.length === 0, `console errors: ${t.problems.join('; ')}`);
      assert(measures.includes('hubreport:interactive'), 'no hubreport:interactive measure');
      const ms = (n) => t.page.evaluate((name) => Math.round(performance.getEntriesByName(name)[0].duration), n);
      const from = await t.page.evaluate(() => document.documentElement.dataset.drawn ?? 'engine');
      assert(from === 'precomputed-all', `the default view was not drawn from the precomputed views (${from})`);
      return `hubreport:open ${await ms('hubreport:open')} ms (drawn from ${from}), `
        + `hubreport:interactive ${await ms('hubreport:interactive')} ms`;
    } finally { await t.done(); }
  },

  async 'a chart is rendered again only when its box changes size, not when the report grows'({ site }) {
    // Every render of a chart clears its canvas: count the clears. The report grows as views are drawn and tables
    // open; that once re-rendered all twelve charts (two rounds right after each open).
    const t = await open(site, '', { before: (page) => page.addInitScript(() => {
      window.clears = 0;
      const clear = CanvasRenderingContext2D.prototype.clearRect;
      CanvasRenderingContext2D.prototype.clearRect = function counted(...args) {
        if (this.canvas.closest?.('.chart')) window.clears += 1;
        return clear.apply(this, args);
      };
    }) });
    try {
      assert(t.state === 'ready', `data-state is ${t.state}`);
      const frames = (n) => t.page.evaluate((k) => new Promise((r) => { const f = (i) => (i ? requestAnimationFrame(() => f(i - 1)) : r()); f(k); }), n);
      await t.page.waitForTimeout(1500); // anything the open left pending
      await frames(3);
      const before = await t.page.evaluate(() => window.clears);
      await t.page.click('section[data-view=growth] [role=tab][id$=tab-table]');
      await t.page.waitForSelector('section[data-view=growth] table');
      await t.page.waitForTimeout(500);
      await frames(3);
      const afterTable = await t.page.evaluate(() => window.clears);
      assert(afterTable === before, `opening a table re-rendered charts: ${afterTable - before} canvas clears`);
      await t.page.setViewportSize({ width: 1180, height: 900 }); // narrower: every chart's box changes
      await t.page.waitForTimeout(800);
      await frames(3);
      const afterResize = await t.page.evaluate(() => window.clears);
      assert(afterResize - afterTable >= 11, `a narrower window re-rendered only ${afterResize - afterTable} chart canvases`);
    } finally { await t.done(); }
  },

  async 'synthetic data is labelled as such'({ site }) {
    const { id, manifest } = defaultSnapshot(site);
    const t = await open(site);
    try {
      const banner = await t.page.$('#synthetic-banner');
      const visible = await banner.isVisible();
      if (manifest.kind === 'synthetic') {
        assert(visible, 'synthetic snapshot but no banner');
        assert(/synthetic/i.test(await banner.textContent()), 'banner does not say synthetic');
      } else {
        assert(!visible, 'banner shown for a real snapshot');
      }
      const facts = await t.page.textContent('#snapshot-facts');
      assert(facts.includes(id), 'sources panel does not name the snapshot');
      assert(facts.includes(String(manifest.date)), 'sources panel does not give the date');
    } finally { await t.done(); }
  },

  async 'works from a sub-path of a static host'({ site }) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hubreport-subpath-'));
    try {
      fs.cpSync(site, path.join(root, 'reports', 'hub'), { recursive: true });
      const t = await open(root, 'reports/hub/?sector=industry');
      try {
        assert(t.state === 'ready', `not ready from a sub-path: ${await t.page.textContent('#alert')}`);
        assert((await t.page.evaluate(() => location.pathname)) === '/reports/hub/', 'path changed');
      } finally { await t.done(); }
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  },

  async 'a filter used before the engine is ready waits, says so, and is applied'({ site }) {
    const srv = await serve(site);
    const b = await browser();
    let release;
    const held = new Promise((r) => { release = r; });
    try {
      // Hold the last row group back: the views draw from the precomputed file, the engine cannot finish.
      const { manifest } = defaultSnapshot(site);
      const last = manifest.files.filter((f) => f.role === 'rows').at(-1).path;
      await b.page.route(`**/${last}`, async (route) => { await held; await route.continue(); });
      await b.page.goto(srv.url);
      await b.page.waitForFunction(() => document.documentElement.dataset.drawn === 'precomputed-all', null, { timeout: 60_000 });
      const views = await viewStates(b.page);
      // Drawn, or shown as its build-time picture (pictures.test.mjs).
      for (const name of VIEW_NAMES) assert(['true', 'picture'].includes(views[name]?.drawn), `${name} not drawn from the precomputed views`);
      assert(await b.page.evaluate(() => document.documentElement.dataset.state) === 'loading', 'engine ready too early');
      await b.page.click('#filters button.toggle[data-value="industry"]');
      await b.page.waitForFunction(() => location.search.includes('sector=industry'));
      const status = b.page.locator('#engine-status');
      await status.waitFor({ state: 'visible', timeout: 5000 });
      assert(/Preparing filters… \d+%/.test(await status.textContent()), `status says: ${await status.textContent()}`);
      release();
      assert(await settled(b.page) === 'ready', 'not ready after the engine loaded');
      await allDrawnForUrl(b.page);
      assert(await status.isHidden(), 'status still shown');
      assert(await b.page.getAttribute('#filters button.toggle[data-value="industry"]', 'aria-pressed') === 'true', 'click lost');
      assert(b.problems.length === 0, b.problems.join('; '));
    } finally { release(); await b.close(); await srv.close(); }
  },

  async 'parts are unpacked beside the engine, or in its worker where the unpacker cannot start'({ site }) {
    // A filtered link: every number comes from the engine, so from every part it loaded.
    const readings = async (dir) => {
      const t = await open(dir, '?country=CN&type=model');
      try {
        assert(t.state === 'ready', `data-state is ${t.state}: ${await t.page.textContent('#alert')}`);
        const views = await viewStates(t.page);
        const drawn = VIEW_NAMES.filter((n) => views[n]?.drawn === 'true');
        assert(drawn.length === VIEW_NAMES.length, `only ${drawn.join(', ')} drawn`);
        return { readings: VIEW_NAMES.map((n) => views[n].reading), unpacker: t.page.workers().some((w) => /unpack-worker\.js$/.test(w.url())) };
      } finally { await t.done(); }
    };
    const beside = await readings(site);
    assert(beside.unpacker, 'the nested unpacking worker did not run');
    const copy = copySite(site);
    try {
      fs.rmSync(path.join(copy, 'unpack-worker.js'));
      const here = await readings(copy);
      VIEW_NAMES.forEach((n, i) => assert(here.readings[i] === beside.readings[i], `${n} differs without the unpacker: ${here.readings[i]} vs ${beside.readings[i]}`));
    } finally { fs.rmSync(copy, { recursive: true, force: true }); }
  },
};
