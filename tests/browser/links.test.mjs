// Shareable links: the URL is the whole state; opening it again reproduces the view; back/forward walk the
// changes; bad links and links to other snapshots open with a notice.
import { open, queryOf, allDrawnForUrl, viewStates, assert, defaultSnapshot } from './lib.mjs';

const readings = async (page) => Object.fromEntries(Object.entries(await viewStates(page)).map(([k, v]) => [k, v.reading]));

export const tests = {
  async 'a link round-trips'({ site }) {
    const { id } = defaultSnapshot(site);
    // Deliberately out of canonical order: the page must print the engine's canonical form.
    const t = await open(site, `?type=model~dataset&sector=industry&s=${id}&cum=1`);
    let canonical;
    let first;
    try {
      assert(t.state === 'ready', `not ready: ${await t.page.textContent('#alert')}`);
      canonical = await queryOf(t.page);
      assert(canonical.startsWith(`s=${id}`), `canonical link does not name the snapshot first: ${canonical}`);
      assert(/type=dataset~model/.test(canonical), `list not canonical: ${canonical}`);
      assert(await t.page.isHidden('#alert'), 'a valid link raised an alert');
      first = await readings(t.page);
      assert(await t.page.getAttribute('section[data-view=growth] .view-controls .toggle', 'aria-pressed') === 'true',
        'cumulative toggle does not show cum=1');
    } finally { await t.done(); }
    const again = await open(site, `?${canonical}`);
    try {
      assert(await queryOf(again.page) === canonical, 'the canonical link changed on reopening');
      const second = await readings(again.page);
      for (const k of Object.keys(first)) assert(first[k] === second[k], `${k} differs on reopening:\n${first[k]}\n${second[k]}`);
    } finally { await again.done(); }
  },

  async 'back and forward restore the view'({ site }) {
    const t = await open(site);
    try {
      const q0 = await queryOf(t.page);
      await t.page.click('#filters button.toggle[data-value="industry"]');
      await t.page.waitForFunction(() => location.search.includes('sector=industry'));
      await allDrawnForUrl(t.page);
      const q1 = await queryOf(t.page);
      const r1 = await readings(t.page);
      await t.page.click('#filters button.toggle[data-value="dataset"]');
      await t.page.waitForFunction(() => location.search.includes('type=dataset'));
      await allDrawnForUrl(t.page);
      await t.page.goBack();
      await t.page.waitForFunction((q) => location.search.slice(1) === q, q1);
      await allDrawnForUrl(t.page);
      const back = await readings(t.page);
      for (const k of Object.keys(r1)) assert(r1[k] === back[k], `${k} not restored by Back`);
      assert(await t.page.getAttribute('#filters button.toggle[data-value="dataset"]', 'aria-pressed') === 'false', 'controls not restored');
      await t.page.goBack();
      await t.page.waitForFunction((q) => location.search.slice(1) === q, q0);
      await allDrawnForUrl(t.page);
      await t.page.goForward();
      await t.page.waitForFunction((q) => location.search.slice(1) === q, q1);
      await allDrawnForUrl(t.page);
    } finally { await t.done(); }
  },

  async 'a bad link names the key, then shows a sane view'({ site }) {
    const t = await open(site, '?foo=1&sector=industry');
    try {
      assert(t.state === 'ready', 'bad link made the page fail');
      const alert = await t.page.textContent('[role=alert]');
      assert(/foo/.test(alert), `alert does not name the bad key: ${alert}`);
      const q = await queryOf(t.page);
      assert(!q.includes('foo') && q.includes('sector=industry'), `bad key kept or good key lost: ${q}`);
    } finally { await t.done(); }
    const t2 = await open(site, '?from=2025-13');
    try {
      assert(t2.state === 'ready', 'bad month made the page fail');
      assert(/from/.test(await t2.page.textContent('[role=alert]')), 'alert does not name from');
      assert(!(await queryOf(t2.page)).includes('from='), 'bad from kept');
    } finally { await t2.done(); }
  },

  async 'a link from another snapshot opens with a notice'({ site }) {
    const { id } = defaultSnapshot(site);
    const t = await open(site, '?s=some-other-snapshot&sector=industry');
    try {
      assert(t.state === 'ready', 'other-snapshot link made the page fail');
      const notice = await t.page.textContent('#notice');
      assert(notice.includes('some-other-snapshot') && notice.includes(id), `notice unclear: ${notice}`);
      const q = await queryOf(t.page);
      assert(q.startsWith(`s=${id}`) && q.includes('sector=industry'), `link not moved to ${id}: ${q}`);
    } finally { await t.done(); }
  },

  async 'copy link puts the address on the clipboard'({ site }) {
    const t = await open(site, '?sector=academia');
    try {
      await t.b.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await t.page.click('#copy-link');
      await t.page.waitForFunction(() => /copied|address/i.test(document.querySelector('#copy-link').textContent));
      const text = await t.page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
      if (text) assert(text === await t.page.evaluate(() => location.href), `clipboard has ${text}`);
    } finally { await t.done(); }
  },
};
