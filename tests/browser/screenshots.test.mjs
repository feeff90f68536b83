// Screenshots for people to look at: desktop and phone, light and dark, into build/screenshots/.
import { open, shot, assert } from './lib.mjs';

const CASES = [
  ['desktop-light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
  ['desktop-dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
  ['phone-light', { viewport: { width: 375, height: 812 }, colorScheme: 'light' }],
  ['phone-dark', { viewport: { width: 375, height: 812 }, colorScheme: 'dark' }],
];

export const tests = Object.fromEntries(CASES.map(([name, opts]) => [name, async ({ site }) => {
  const t = await open(site, '', opts);
  try {
    assert(t.state === 'ready', 'not ready');
    await t.page.waitForTimeout(400); // let the short chart animations finish
    await shot(t.page, name);
  } finally { await t.done(); }
}]));
