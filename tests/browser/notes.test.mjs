// What the page says about what it leaves out: the snapshot's partial month, unknown countries, and
// selections with nothing in them.
import { open, assert, defaultSnapshot, VIEW_NAMES } from './lib.mjs';
import { month } from '../../web/format.js';

const notes = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-view]')]
  .map((s) => { const n = s.querySelector('.view-note'); return [s.dataset.view, n && !n.hidden ? n.textContent : '']; })));

export const tests = {
  async 'the partial month and unknown countries are noted under their charts'({ site }) {
    const { manifest } = defaultSnapshot(site);
    const [y, m, d] = String(manifest.date).split('-');
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    const t = await open(site);
    try {
      const n = await notes(t.page);
      if (Number(d) < lastDay) {
        for (const v of ['growth', 'families', 'tasks', 'sectors', 'sizes', 'licenses', 'libraries', 'sdks']) {
          assert(n[v].includes(`leaves out ${month(`${y}-${m}`)}`) && n[v].includes(`${Number(d)} ${month(`${y}-${m}`)}`),
            `${v}: note "${n[v]}"`);
        }
      } else {
        assert(!/leaves out/.test(n.growth), `a complete month is left out: ${n.growth}`);
      }
      assert(/whose publisher country is known/.test(n.geography), `geography: note "${n.geography}"`);
      assert(await t.page.isVisible('section[data-view=growth] .view-note'), 'growth note hidden');
    } finally { await t.done(); }
  },

  async 'an empty selection says so in every view'({ site }) {
    const t = await open(site, '?country=ZZ', { viewport: { width: 375, height: 740 } });
    try {
      assert(t.state === 'ready', 'not ready');
      const views = await t.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-view]')]
        .map((s) => [s.dataset.view, { empty: s.dataset.empty, reading: s.querySelector('.reading').textContent }])));
      for (const name of VIEW_NAMES) {
        const v = views[name];
        // Geography ignores the country filter: it shows every country, and says the chosen one has nothing.
        if (name === 'geography') {
          assert(/^No repository in this selection has a publisher in/.test(v.reading), `geography: ${v.reading}`);
          continue;
        }
        assert(v.empty === 'true', `${name} draws a chart for nothing`);
        assert(/^No /.test(v.reading), `${name}: reading "${v.reading}"`);
      }
      const tall = await t.page.$$eval('section[data-empty=true] .chart', (c) => c.map((x) => x.clientHeight).filter((h) => h > 130));
      assert(!tall.length, `empty charts ${tall} px tall`);
      assert(t.problems.length === 0, `console errors: ${t.problems.join('; ')}`);
    } finally { await t.done(); }
  },
};
