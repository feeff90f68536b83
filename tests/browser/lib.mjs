// Shared helpers for the browser tests: a static server on a free port and a headless Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repoRoot, 'build/screenshots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Serves `dir` (optionally with the strict CSP) on a free port. */
export async function serve(dir, { csp = false } = {}) {
  const server = await startServer({ dir: path.resolve(dir), listenPort: 0, withCsp: csp });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) };
}

/** A fresh persistent Chromium profile per test; returns {context, page, close}. */
export async function browser({ viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubreport-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport, colorScheme,
    acceptsDownloads: true, deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return {
    context, page, problems,
    close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Waits for the page to settle in data-state ready or error. */
export async function settled(page, timeout = 120_000) {
  await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading', null, { timeout });
  return page.evaluate(() => document.documentElement.dataset.state);
}

/** Waits until no update is in flight (the page sets aria-busy on <html> while it redraws). */
export async function idle(page, timeout = 60_000) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('aria-busy'), null, { timeout });
}

export const VIEW_NAMES = ['headline', 'growth', 'concentration', 'geography', 'sectors', 'families', 'orgs', 'tasks', 'sizes',
  'licenses', 'libraries', 'sdks'];

/** {name: {drawn, reading, canvas}} for every section on the page. */
export function viewStates(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-view]')].map((s) => [s.dataset.view, {
    drawn: s.dataset.drawn ?? null,
    reading: s.querySelector('.reading')?.textContent ?? '',
    canvas: Boolean(s.querySelector('.chart canvas')),
  }])));
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function shot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Copies a site directory (for tests that damage it). */
export function copySite(dir) {
  const dst = fs.mkdtempSync(path.join(os.tmpdir(), 'hubreport-site-'));
  fs.cpSync(dir, dst, { recursive: true });
  return dst;
}

/** Opens the site at `query` in a fresh browser and waits until it settles. Returns {page, srv, b, state, done()}. */
export async function open(site, query = '', opts = {}) {
  const srv = await serve(site, { csp: opts.csp });
  const b = await browser(opts);
  if (opts.before) await opts.before(b.page);
  await b.page.goto(srv.url + query);
  const state = await settled(b.page);
  if (state === 'ready') await idle(b.page);
  return { page: b.page, srv, b, state, problems: b.problems, done: async () => { await b.close(); await srv.close(); } };
}

/** The current query string (without "?"). */
export const queryOf = (page) => page.evaluate(() => location.search.slice(1));

/** Waits until every section was drawn for the page's current query. */
export async function allDrawnForUrl(page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const q = location.search.slice(1);
    const s = [...document.querySelectorAll('section[data-view]')];
    return s.length > 0 && !document.documentElement.hasAttribute('aria-busy') && s.every((x) => x.dataset.query === q);
  }, null, { timeout });
}

/** Reads the snapshot the site serves by default: {id, manifest}. */
export function defaultSnapshot(site) {
  const index = JSON.parse(fs.readFileSync(path.join(site, 'snapshots/index.json'), 'utf8'));
  const id = index.default ?? index.snapshots[0].id;
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'snapshots', id, 'manifest.json'), 'utf8'));
  return { id, manifest, index };
}

/** Opens a broken site and checks the page ends in data-state="error" with a role="alert" that matches `pattern`,
 *  says what to do, and that no view was drawn from the broken snapshot. Returns the alert text. */
export async function expectAlert(site, pattern) {
  const t = await open(site);
  try {
    assert(t.state === 'error', `data-state is ${t.state}, not error`);
    const text = await t.page.textContent('[role=alert]');
    assert(pattern.test(text), `alert says: ${text}`);
    assert(/reload|rebuild|copy|upload|browser/i.test(text), `alert does not say what to do: ${text}`);
    const drawn = await t.page.$$eval('section[data-view][data-drawn="true"]', (s) => s.length);
    assert(drawn === 0, `${drawn} views were drawn from a broken snapshot`);
    return text;
  } finally { await t.done(); }
}
