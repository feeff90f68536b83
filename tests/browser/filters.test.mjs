// Filters and cross-filtering: a change redraws every view for the new URL; chart, legend and table clicks
// set filters; chips remove them; reset clears everything.
import { open, queryOf, allDrawnForUrl, viewStates, assert } from './lib.mjs';

export const tests = {
  async 'a filter change redraws every view'({ site }) {
    const t = await open(site);
    try {
      const before = await viewStates(t.page);
      await t.page.click('#filters button.toggle[data-value="industry"]');
      await t.page.waitForFunction(() => location.search.includes('sector=industry'));
      await allDrawnForUrl(t.page);
      const after = await viewStates(t.page);
      const changed = Object.keys(after).filter((k) => after[k].reading !== before[k].reading);
      assert(changed.length >= 3, `only ${changed.join(', ')} changed their reading`);
      assert(await t.page.isVisible('#chips .chip'), 'no chip for the active filter');
      const measures = await t.page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
      assert(measures.includes('hubreport:update'), 'no hubreport:update measure');
      // The pressed toggle reflects the state.
      assert(await t.page.getAttribute('#filters button.toggle[data-value="industry"]', 'aria-pressed') === 'true', 'toggle not pressed');
      // Removing the chip goes back to no filter.
      await t.page.click('#chips .chip');
      await t.page.waitForFunction(() => !location.search.includes('sector='));
      await allDrawnForUrl(t.page);
    } finally { await t.done(); }
  },

  async 'hubreport:update is measured for each filter change'({ site }) {
    const t = await open(site);
    try {
      // Sector and type toggles on and off: each is one change a reader makes, drawn in full before the next.
      const clicks = ['industry', 'academia', 'industry', 'model', 'academia', 'model', 'space'];
      for (const value of clicks) {
        const before = await queryOf(t.page);
        await t.page.click(`#filters button.toggle[data-value="${value}"]`);
        await t.page.waitForFunction((q) => location.search.slice(1) !== q, before);
        await allDrawnForUrl(t.page);
      }
      const of = (name) => t.page.evaluate((n) => performance.getEntriesByName(n).map((m) => m.duration), name);
      const ms = await of('hubreport:update');
      assert(ms.length === clicks.length, `${ms.length} hubreport:update measures for ${clicks.length} changes`);
      const median = (list) => Math.round([...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]);
      // hubreport:update ends when the views on screen are redrawn (the others follow when idle or scrolled to);
      // hubreport:engine is the engine's share of it. The page opened from the precomputed views, so every
      // engine and draw measure here belongs to one of these changes.
      const engine = await of('hubreport:engine');
      const draw = await of('hubreport:draw');
      return `hubreport:update median ${median(ms)} ms over ${ms.length} changes (${ms.map(Math.round).join(', ')} ms); `
        + `hubreport:engine median ${median(engine)} ms (${engine.length}), draw of the visible views median ${median(draw)} ms`;
    } finally { await t.done(); }
  },

  async 'off-screen views go stale and are brought up to date before their table or PNG is shown'({ site }) {
    const t = await open(site);
    try {
      // No idle time for this page: stale views stay stale until something needs them.
      await t.page.evaluate(() => { window.requestIdleCallback = () => 0; });
      await t.page.click('#filters button.toggle[data-value="industry"]');
      await t.page.waitForFunction(() => location.search.includes('sector=industry'));
      await t.page.waitForFunction(() => performance.getEntriesByName('hubreport:update').length > 0);
      const q = await queryOf(t.page);
      const stale = await t.page.$$eval('section[data-view][data-stale]', (s) => s.map((x) => x.dataset.view));
      assert(stale.includes('sdks') && stale.includes('licenses'), `off-screen views not stale: ${stale}`);
      assert(!stale.includes('headline'), 'the view on screen was left stale');
      // The table of a stale view shows the current state's numbers.
      await t.page.click('section[data-view=sdks] [role=tab]:has-text("Table")');
      await t.page.waitForSelector('section[data-view=sdks] table');
      assert(await t.page.getAttribute('section[data-view=sdks]', 'data-query') === q, 'sdks table from an old state');
      // So does the PNG of another one.
      const [png] = await Promise.all([t.page.waitForEvent('download'),
        t.page.click('section[data-view=licenses] button:has-text("Download PNG")')]);
      assert(png.suggestedFilename().endsWith('.png'), 'no PNG');
      assert(await t.page.getAttribute('section[data-view=licenses]', 'data-query') === q, 'licenses PNG from an old state');
    } finally { await t.done(); }
  },

  async 'clicking a bar sets a filter for the other views'({ site }) {
    const t = await open(site);
    try {
      // The headline's "repositories by type" bars: models is the longest bar, on the first row.
      const chart = await t.page.$('section[data-view=headline] .chart');
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      await t.page.mouse.click(box.x + box.width * 0.3, box.y + 40);
      await t.page.waitForFunction(() => /(^|&)type=/.test(location.search.slice(1)), null, { timeout: 15_000 });
      await allDrawnForUrl(t.page);
      assert(/type=model/.test(await queryOf(t.page)), `click set ${await queryOf(t.page)}`);
    } finally { await t.done(); }
  },

  async 'a legend click filters instead of hiding'({ site }) {
    const t = await open(site);
    try {
      const chart = await t.page.$('section[data-view=growth] .chart');
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      await t.page.mouse.click(box.x + 30, box.y + 12); // first legend item: Models
      await t.page.waitForFunction(() => /type=model/.test(location.search), null, { timeout: 15_000 });
      await allDrawnForUrl(t.page);
    } finally { await t.done(); }
  },

  async 'table buttons filter from the keyboard'({ site }) {
    const t = await open(site);
    try {
      await t.page.click('section[data-view=orgs] [role=tab]:has-text("Table")');
      const btn = await t.page.$('section[data-view=orgs] table .cell-filter');
      assert(btn, 'no filter buttons in the organisations table');
      const org = await btn.textContent();
      await btn.focus();
      await t.page.keyboard.press('Enter');
      await t.page.waitForFunction(() => /(^|&)org=/.test(location.search.slice(1)));
      await allDrawnForUrl(t.page);
      assert(decodeURIComponent(await queryOf(t.page)).includes(org), `org ${org} not in the URL`);
      await t.page.click('#chips .reset');
      await t.page.waitForFunction(() => !/(^|&)org=/.test(location.search.slice(1)));
    } finally { await t.done(); }
  },

  async 'searchable organisation filter'({ site }) {
    const t = await open(site);
    try {
      // Take a real publisher name from the leaderboard and type it, in lower case.
      await t.page.click('section[data-view=orgs] [role=tab]:has-text("Table")');
      const name = (await t.page.textContent('section[data-view=orgs] table tbody tr th')).trim();
      const input = t.page.locator('#filters input[id^="f-org-"]');
      await input.fill(name.toLowerCase());
      await input.press('Enter');
      await t.page.waitForFunction(() => /(^|&)org=/.test(location.search.slice(1)), null, { timeout: 15_000 });
      await allDrawnForUrl(t.page);
      assert(decodeURIComponent(await queryOf(t.page)).includes(`org=${name}`), `org filter is not ${name}: ${await queryOf(t.page)}`);
    } finally { await t.done(); }
  },

  async 'time window'({ site }) {
    const t = await open(site);
    try {
      await t.page.click('#filters button:has-text("Last 12 months")');
      await t.page.waitForFunction(() => /(^|&)from=\d{4}-\d{2}/.test(location.search.slice(1)));
      await allDrawnForUrl(t.page);
      const reading = await t.page.textContent('section[data-view=growth] .reading');
      assert(reading.length > 10, 'no growth reading');
    } finally { await t.done(); }
  },
};
