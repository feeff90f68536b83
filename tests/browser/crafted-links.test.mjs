// Links crafted by strangers: each gives a notice (role="alert") that says what is wrong, naming the key where there
// is one, and the page falls back to a sane view with every section drawn.
import { open, assert, allDrawnForUrl, queryOf } from './lib.mjs';

const cases = [
  ['unknown key', '?colour=red&sector=industry', /colour/],
  ['absurd date', '?from=1999-01', /from/],
  ['window backwards', '?from=2025-06&to=2024-01', /from|after/],
  ['repeated key', '?country=US&country=CN', /country/],
  ['huge list', `?org=${Array.from({ length: 300 }, (_, i) => `o${i}`).join('~')}`, /org/],
  ['invalid UTF-8', '?org=%C3%28', /org|UTF-8/],
];

export const tests = {};

// Static hosts and this test server refuse request lines that long (HTTP 414/431), so a 100 KB link can only reach
// the page from its own history: push it and walk back to it, as back/forward would.
tests['crafted link: 100 KB string'] = async ({ site }) => {
  const t = await open(site, '?sector=industry');
  try {
    await t.page.evaluate(() => {
      history.pushState({}, '', `?org=${'x'.repeat(100_000)}`);
      dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    });
    await t.page.waitForFunction(() => /too long|org/.test(document.querySelector('[role=alert]')?.textContent ?? ''), null,
      { timeout: 60_000 });
    await allDrawnForUrl(t.page);
    const q = await queryOf(t.page);
    assert(q.length < 2000, `the 100 KB value survived in the address (${q.length} characters)`);
    assert(t.problems.length === 0, t.problems.join('\n').slice(0, 500));
  } finally { await t.done(); }
};
for (const [name, query, pattern] of cases) {
  tests[`crafted link: ${name}`] = async ({ site }) => {
    const t = await open(site, query);
    try {
      assert(t.state === 'ready', `the page failed on a crafted link (${t.state})`);
      const alert = (await t.page.textContent('[role=alert]')) ?? '';
      assert(pattern.test(alert), `the notice does not say what is wrong: ${alert.slice(0, 200)}`);
      await allDrawnForUrl(t.page);
      const q = await queryOf(t.page);
      assert(q.length < 2000, `the crafted value survived in the address (${q.length} characters)`);
      assert(t.problems.length === 0, t.problems.join('\n'));
    } finally { await t.done(); }
  };
}
