// Embed mode shows one view alone; every view exports a PNG and a CSV of its slice.
import fs from 'node:fs';
import { open, assert, defaultSnapshot } from './lib.mjs';

export const tests = {
  async 'embed mode shows one view alone'({ site }) {
    const { manifest } = defaultSnapshot(site);
    const t = await open(site, '?view=geography&sector=industry');
    try {
      assert(t.state === 'ready', 'embed did not load');
      const sections = await t.page.$$eval('section[data-view]', (s) => s.map((x) => x.dataset.view));
      assert(sections.length === 1 && sections[0] === 'geography', `embed shows ${sections}`);
      assert(await t.page.isHidden('#filters'), 'filters visible in embed mode');
      assert(await t.page.isHidden('.masthead'), 'masthead visible in embed mode');
      if (manifest.kind === 'synthetic') assert(await t.page.isVisible('#synthetic-banner'), 'embed hides the synthetic banner');
      const full = await t.page.getAttribute('#open-full', 'href');
      assert(full && !full.includes('view=') && full.includes('sector=industry'), `open-full link wrong: ${full}`);
      assert(await t.page.getAttribute('section[data-view=geography]', 'data-drawn') === 'true', 'embedded view not drawn');
    } finally { await t.done(); }
  },

  async 'PNG and CSV downloads'({ site }) {
    const t = await open(site, '?sector=industry');
    try {
      for (const view of ['geography', 'orgs', 'concentration']) {
        const sec = `section[data-view=${view}]`;
        const [png] = await Promise.all([t.page.waitForEvent('download'), t.page.click(`${sec} button:has-text("Download PNG")`)]);
        const pngPath = await png.path();
        const bytes = fs.readFileSync(pngPath);
        assert(bytes.subarray(1, 4).toString() === 'PNG', `${view}: not a PNG`);
        assert(bytes.length > 20_000, `${view}: PNG suspiciously small (${bytes.length} bytes)`);
        assert(png.suggestedFilename().endsWith('.png'), `${view}: PNG named ${png.suggestedFilename()}`);
        const [csv] = await Promise.all([t.page.waitForEvent('download'), t.page.click(`${sec} button:has-text("Download CSV")`)]);
        const text = fs.readFileSync(await csv.path(), 'utf8');
        const header = text.split('\n')[0];
        assert(header.split(',').length >= 3, `${view}: CSV header is ${header}`);
        assert(text.split('\n').filter(Boolean).length > 1, `${view}: CSV has no rows`);
        assert(csv.suggestedFilename().endsWith('.csv'), `${view}: CSV named ${csv.suggestedFilename()}`);
      }
      // Keep one export to look at.
      const [png] = await Promise.all([t.page.waitForEvent('download'), t.page.click('section[data-view=geography] button:has-text("Download PNG")')]);
      fs.mkdirSync('build/screenshots', { recursive: true });
      await png.saveAs('build/screenshots/export-geography.png');
    } finally { await t.done(); }
  },

  async 'embed code'({ site }) {
    const t = await open(site);
    try {
      await t.page.click('section[data-view=sectors] button:has-text("Embed")');
      const code = await t.page.inputValue('section[data-view=sectors] .embed-box textarea');
      assert(/^<iframe src="http[^"]+view=sectors/.test(code), `embed code: ${code}`);
    } finally { await t.done(); }
  },
};
