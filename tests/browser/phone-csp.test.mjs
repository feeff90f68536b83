// A 375 px phone: no sideways scrolling, filters in a drawer that opens, traps nothing and closes on Escape.
// A strict Content-Security-Policy: the page works and violates nothing (tooltips included).
import { open, allDrawnForUrl, assert, idle } from './lib.mjs';

export const tests = {
  async '375 px wide works, filters in a drawer'({ site }) {
    const t = await open(site, '', { viewport: { width: 375, height: 740 } });
    try {
      assert(t.state === 'ready', 'not ready on a phone');
      const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `page is ${overflow} px wider than the phone`);
      assert(!(await t.page.isVisible('#filter-form')) || !(await t.page.evaluate(() => {
        const r = document.querySelector('#filters').getBoundingClientRect();
        return r.right > 0;
      })), 'filters are on screen before the drawer is opened');
      await t.page.click('#filters-open');
      await t.page.waitForFunction(() => document.querySelector('#filters').getBoundingClientRect().left >= 0);
      assert(await t.page.evaluate(() => document.querySelector('#filters').contains(document.activeElement)), 'focus not moved into the drawer');
      await t.page.click('#filters button.toggle[data-value="space"]');
      await t.page.waitForFunction(() => location.search.includes('type=space'));
      await allDrawnForUrl(t.page);
      await t.page.keyboard.press('Escape');
      await t.page.waitForFunction(() => document.querySelector('#filters').getBoundingClientRect().right <= 0);
      assert(await t.page.evaluate(() => document.activeElement.id) === 'filters-open', 'focus not returned to the Filters button');
      const widths = await t.page.$$eval('section[data-view] .chart', (c) => c.map((x) => x.getBoundingClientRect().right));
      assert(widths.every((r) => r <= 375), `a chart overflows: ${widths}`);
    } finally { await t.done(); }
  },

  async 'works under the strict CSP'({ site }) {
    const t = await open(site, '', {
      csp: true,
      before: (page) => page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      }),
    });
    try {
      assert(t.state === 'ready', `not ready under CSP: ${await t.page.textContent('#alert')}`);
      // Hover charts so tooltips render their HTML.
      for (const v of ['growth', 'geography', 'orgs']) {
        const chart = await t.page.$(`section[data-view=${v}] .chart`);
        await chart.scrollIntoViewIfNeeded();
        const box = await chart.boundingBox();
        await t.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.35);
        await t.page.waitForTimeout(250);
      }
      await t.page.click('#filters button.toggle[data-value="model"]');
      await idle(t.page);
      const violations = await t.page.evaluate(() => window.__violations);
      assert(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
      assert(t.problems.length === 0, `console errors: ${t.problems.join('; ')}`);
    } finally { await t.done(); }
  },
};
