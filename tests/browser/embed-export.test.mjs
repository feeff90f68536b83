// Embed mode shows one view alone; every view exports a PNG and a CSV of its slice.
import fs from 'node:fs';
import { open, assert, defaultSnapshot, queryOf } from './lib.mjs';

export const tests = {
  async 'an old (version 1) embed link lands on its version 2 link with the embed shown'({ site }) {
    const { id } = defaultSnapshot(site);
    // Links made before state version 2 have no `v` and call the embed key `view`.
    const t = await open(site, `?view=geography&sector=industry&s=${id}`);
    try {
      assert(t.state === 'ready', `v1 embed link did not load: ${await t.page.textContent('#alert')}`);
      const q = await queryOf(t.page);
      assert(q === `s=${id}&v=2&sector=industry&embed=geography`, `v1 link migrated to ${q}`);
      const sections = await t.page.$$eval('section[data-view]', (s) => s.map((x) => x.dataset.view));
      assert(sections.length === 1 && sections[0] === 'geography', `migrated embed shows ${sections}`);
      assert(await t.page.getAttribute('section[data-view=geography]', 'data-drawn') === 'true', 'embedded view not drawn');
      assert(await t.page.isHidden('#alert'), `an alert for a valid old link: ${await t.page.textContent('#alert')}`);
    } finally { await t.done(); }
  },

  async 'a version 2 link with the old key names it'({ site }) {
    const t = await open(site, '?v=2&view=geography&sector=industry');
    try {
      assert(t.state === 'ready', 'page failed');
      assert(/'view'/.test(await t.page.textContent('#alert')) && /embed/.test(await t.page.textContent('#alert')),
        `alert: ${await t.page.textContent('#alert')}`);
      assert(!(await queryOf(t.page)).includes('view='), 'bad key kept');
      assert((await t.page.$$('section[data-view]')).length > 1, 'dropped key still embeds');
    } finally { await t.done(); }
  },

  async 'embed mode shows one view alone'({ site }) {
    const { manifest } = defaultSnapshot(site);
    const t = await open(site, '?v=2&embed=geography&sector=industry');
    try {
      assert(t.state === 'ready', 'embed did not load');
      const sections = await t.page.$$eval('section[data-view]', (s) => s.map((x) => x.dataset.view));
      assert(sections.length === 1 && sections[0] === 'geography', `embed shows ${sections}`);
      assert(await t.page.isHidden('#filters'), 'filters visible in embed mode');
      assert(await t.page.isHidden('.masthead'), 'masthead visible in embed mode');
      if (manifest.kind === 'synthetic') assert(await t.page.isVisible('#synthetic-banner'), 'embed hides the synthetic banner');
      const full = await t.page.getAttribute('#open-full', 'href');
      assert(full && !full.includes('embed=') && full.includes('sector=industry') && full.includes('v=2'), `open-full link wrong: ${full}`);
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
      assert(/^<iframe src="http[^"]+v=2[^"]+embed=sectors"/.test(code), `embed code: ${code}`);
    } finally { await t.done(); }
  },
};
