// Loading: the page reaches "ready", every view is drawn with a reading, the sources panel and the synthetic
// banner say what the data is, and the open/engine timings are recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, viewStates, assert, VIEW_NAMES, defaultSnapshot } from './lib.mjs';

export const tests = {
  async 'every view drawn with a reading'({ site }) {
    const t = await open(site);
    try {
      assert(t.state === 'ready', `data-state is ${t.state}: ${await t.page.textContent('#alert')}`);
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
      assert(measures.includes('hubreport:engine'), 'no hubreport:engine measure');
      assert(t.problems.length === 0, `console errors: ${t.problems.join('; ')}`);
      const ms = await t.page.evaluate(() => performance.getEntriesByName('hubreport:open')[0].duration);
      return `hubreport:open ${Math.round(ms)} ms`;
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
};
