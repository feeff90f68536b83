// Names from the data are untrusted: a snapshot whose organisation, family, license, task and library names are
// HTML and script must show them as text, run nothing, and keep the layout.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, assert, repoRoot, idle } from './lib.mjs';

function hostileSite(site) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubreport-hostile-'));
  for (const entry of fs.readdirSync(site)) if (entry !== 'snapshots') fs.cpSync(path.join(site, entry), path.join(dir, entry), { recursive: true });
  const cli = path.join(repoRoot, 'build/native/hubreport');
  const snaps = path.join(dir, 'snapshots');
  execFileSync(cli, ['build', '-o', path.join(snaps, 'hostile'), '--id', 'hostile', '--models',
    path.join(repoRoot, 'tests/fixtures/hostile/models-2026-01-31.jsonl')], { stdio: 'ignore' });
  execFileSync(cli, ['index', snaps, '--default', 'hostile']);
  return dir;
}

export const tests = {
  async 'hostile names render as text and run nothing'({ site }) {
    const dir = hostileSite(site);
    const t = await open(dir);
    try {
      const { page } = t;
      assert(t.state === 'ready', `state ${t.state}`);
      const dialogs = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
      // Hover every chart (tooltips render names) and open every table.
      for (const canvas of await page.$$('section[data-view] .chart canvas')) {
        const box = await canvas.boundingBox();
        if (!box) continue;
        await canvas.scrollIntoViewIfNeeded();
        for (const fx of [0.3, 0.5, 0.7]) await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5);
      }
      for (const tab of await page.$$('[role=tab]')) if (/table/i.test(await tab.textContent())) await tab.click();
      await idle(page);
      const pwned = await page.evaluate(() => window.__pwned);
      assert(pwned === undefined, `script from the data ran (window.__pwned = ${pwned})`);
      assert(dialogs.length === 0, `a dialog opened: ${dialogs}`);
      const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], script:not([src])').length);
      assert(injected === 0, `${injected} elements from the data became HTML`);
      const text = await page.evaluate(() => document.body.innerText);
      assert(text.includes('<img src=x onerror="window.__pwned=1">'), 'the hostile organisation name is not shown as text');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `the page is ${overflow}px wider than the window`);
      assert(t.problems.length === 0, t.problems.join('\n'));
    } finally {
      await t.done();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
