// Page controller: loads the snapshot through the engine worker, keeps the URL and the views in step,
// and wires filters, cross-filter clicks, history, export and embed mode.
import { EngineClient } from './engine-client.js';
import * as S from './state.js';
import { h, $, clear, announce } from './dom.js';
import { showError, showBadLink } from './errors.js';
import { readTheme, exportTheme, onThemeChange } from './theme.js';
import { renderSnapshotFacts, renderBanner, isSynthetic } from './sources.js';
import { createFilters, renderChips, filterSummary } from './filters.js';
import { bytes } from './format.js';
import { label, DIM_LABELS } from './vocab.js';
import { VIEWS } from './charts/index.js';
import { cards as headlineCards } from './charts/headline.js';
import { setupDrawer } from './drawer.js';

const root = document.documentElement;
const app = {
  engine: null, loaded: null, query: '', state: {}, slices: {}, sections: [], embed: null, seq: 0,
  theme: null, narrow: false, filters: null, ui: null,
};
const alertEl = () => $('#alert');

function ctx() {
  // Charts get the width of a drawn chart box; before the first draw, the report's width less the section padding.
  const m = app.loaded?.manifest ?? {};
  const box = app.sections.map((s) => s.chartBox.clientWidth).find((w) => w > 0);
  return { theme: app.theme, narrow: app.narrow, width: Math.max(280, box ?? $('#report').clientWidth - (app.narrow ? 28 : 48)),
    singleDump: Boolean(m.single_dump ?? app.loaded?.info?.single_dump),
    snapshotDate: app.loaded?.info?.date || m.date || null };
}

const urlFor = (q) => `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// ---- loading ----

function showProgress(p) {
  const bar = $('#loading-bar');
  bar.value = p.fraction;
  bar.setAttribute('aria-valuetext', `${Math.round(p.fraction * 100)}%`);
  $('#loading-label').textContent = p.downloaded < p.totalBytes
    ? `Downloading the snapshot: ${bytes(p.downloaded)} of ${bytes(p.totalBytes)}`
    : `Reading the snapshot: file ${Math.min(p.filesDone + 1, p.files)} of ${p.files}`;
}

function fatal(err) {
  showError(alertEl(), err);
  $('#loading').hidden = true;
}

/** The link's state, canonicalised by the engine. Keys the engine rejects are dropped one by one (it names them);
 *  if nothing usable is left, the default view. */
async function resolveLink(query, snapshotId) {
  let q = S.withKey(query, 's', snapshotId);
  const dropped = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      return { canonical: (await app.engine.state(q)).query, dropped, reset: false };
    } catch (err) {
      if (err.kind !== 'request') throw err;
      const key = S.keyNamedIn(err.message);
      dropped.push({ key: key ?? 'unknown', message: err.message });
      if (!key || key === 's' || !S.hasKey(q, key)) break;
      q = S.withKey(q, key, null);
    }
  }
  return { canonical: (await app.engine.state(`s=${encodeURIComponent(snapshotId)}`)).query, dropped, reset: true };
}

function snapshotNotice(wanted, loaded, query) {
  const notice = $('#notice');
  const def = loaded.index.default;
  clear(notice);
  if (wanted && wanted !== loaded.id) {
    notice.append(h('strong', {}, 'This link was made on another snapshot. '),
      `It names snapshot “${wanted}”, which this site does not have, so it opens on “${loaded.id}”`
      + ` (${loaded.manifest.date ?? 'undated'}). The numbers may differ from what the link’s author saw.`);
  } else if (def && loaded.id !== def) {
    const latest = S.withKey(query, 's', def);
    notice.append(h('strong', {}, 'An older snapshot. '), `You are looking at “${loaded.id}”; the newest here is “${def}”. `,
      h('a', { href: urlFor(latest) }, 'Open the newest'), '.');
  } else return;
  notice.hidden = false;
}

async function boot() {
  const initial = location.search.slice(1);
  app.embed = S.getValue(initial, 'view');
  if (app.embed) root.classList.add('embed');
  app.theme = readTheme();
  const wanted = S.getValue(initial, 's');
  let loaded;
  let ui;
  try {
    app.engine = new EngineClient(new URL('worker.js', import.meta.url));
    [loaded, ui] = await Promise.all([
      app.engine.load({ engineUrl: new URL('hubreport.js', import.meta.url).href,
        snapshotsUrl: new URL('snapshots/', document.baseURI).href, wanted }, showProgress),
      Promise.all([import('./view-section.js'), import('./export.js')]),
    ]);
  } catch (err) {
    fatal(err.kind ? err : { kind: 'engine', message: String(err.message || err) });
    return;
  }
  app.loaded = loaded;
  app.ui = { ViewSection: ui[0].ViewSection, ...ui[1] };
  $('#loading-label').textContent = 'Computing the views…';
  renderBanner($('#synthetic-banner'), loaded.manifest);
  renderSnapshotFacts($('#snapshot-facts'), loaded);
  $('#snapshot-meta').textContent = `Snapshot ${loaded.id}${loaded.manifest.date ? ` of ${loaded.manifest.date}` : ''}`
    + `${isSynthetic(loaded.manifest) ? ' · synthetic data' : ''}`;

  let link;
  try {
    link = await resolveLink(initial, loaded.id);
  } catch (err) {
    fatal(err);
    return;
  }
  if (link.dropped.length) showBadLink(alertEl(), link.dropped, { reset: link.reset });
  app.embed = S.getValue(link.canonical, 'view');
  root.classList.toggle('embed', Boolean(app.embed));
  history.replaceState(null, '', urlFor(link.canonical));
  snapshotNotice(wanted, loaded, link.canonical);

  buildPage();
  const ok = await render(link.canonical, { t0: null });
  $('#loading').hidden = true;
  if (!ok) return;
  root.dataset.state = 'ready';
  performance.measure('hubreport:open', { start: 0, end: performance.now() });
  window.addEventListener('popstate', () => applyQuery(location.search.slice(1), { push: false }));
}

// ---- page structure ----

function buildPage() {
  const report = $('#report');
  clear(report);
  const views = app.embed ? VIEWS.filter((v) => v.name === app.embed) : VIEWS;
  const hooks = { onPick: pick, onPng: exportPng, onCsv: exportCsv, onEmbed: toggleEmbed };
  app.sections = views.map((v) => {
    const s = new app.ui.ViewSection(v, v.name === 'headline' ? 0 : VIEWS.indexOf(v), hooks);
    if (v.name === 'headline') {
      s.cards = h('div', { class: 'cards' });
      s.reading.after(s.cards);
    }
    if (v.name === 'growth') {
      s.cumToggle = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false',
        onclick: () => change((q) => S.withKey(q, 'cum', S.getValue(q, 'cum') === '1' ? null : '1')) }, 'Cumulative');
      s.extra.append(s.cumToggle);
    }
    s.setSource(`Source: hubreport, snapshot ${app.loaded.id}${app.loaded.manifest.date ? ` (${app.loaded.manifest.date})` : ''}`
      + `${isSynthetic(app.loaded.manifest) ? ' — synthetic data, not real Hub data' : ''}.`);
    report.append(s.el);
    return s;
  });
  if (app.embed) {
    report.append(h('p', { class: 'embed-foot' }, 'From the interactive edition of “State of Open Source on Hugging Face”. ',
      h('a', { href: urlFor(S.withKey(app.query || location.search.slice(1), 'view', null)), target: '_blank', rel: 'noopener', id: 'open-full' },
        'Open the full report')));
  } else {
    app.filters = createFilters($('#filter-form'), { engine: app.engine, change });
    setupDrawer();
    $('#copy-link').addEventListener('click', copyLink);
  }
  app.narrow = report.clientWidth < 640;
  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const narrow = report.clientWidth < 640;
      // Titles and legends wrap at the width they were drawn for: redraw when it moved enough to change that.
      if (narrow !== app.narrow || Math.abs(report.clientWidth - app.drawnWidth) > 40) { app.narrow = narrow; drawAll(); }
      else for (const s of app.sections) s.resize();
    });
  }).observe(report);
  onThemeChange(() => { app.theme = readTheme(); drawAll(); });
}

// ---- state changes ----

/** Every control calls this with a function from the current query to the next. */
function change(fn) {
  const t0 = performance.now();
  // Build on the newest requested state, so two quick clicks both count even before the first is drawn.
  const next = fn(app.target ?? app.query);
  app.target = next;
  applyQuery(next, { push: true, t0 });
}

function pick({ key, value }) {
  const on = !S.getList(app.target ?? app.query, key).includes(value);
  change((q) => S.toggle(q, key, value));
  const what = `${DIM_LABELS[key] ?? key}: ${label(key, value)}`;
  announce(on ? `Filtered by ${what}` : `Removed filter ${what}`);
}

async function applyQuery(next, { push = true, t0 = performance.now() } = {}) {
  let canonical;
  const e0 = performance.now();
  try {
    canonical = (await app.engine.state(next)).query;
  } catch (err) {
    if (err.kind !== 'request') { showError(alertEl(), err, { fatal: false }); return; }
    const key = S.keyNamedIn(err.message);
    if (push) {
      showError(alertEl(), { kind: 'request', message: `That filter was not accepted: ${err.message}.` }, { fatal: false });
      if (app.target === next) app.target = null;
      app.filters?.sync(app.state);
      return;
    }
    showBadLink(alertEl(), [{ key: key ?? 'unknown', message: err.message }], { reset: false });
    canonical = (await resolveLink(next, app.loaded.id)).canonical;
    // The address shows what is drawn, not the rejected link (back/forward can reach a crafted entry).
    if (!push) history.replaceState(null, '', urlFor(canonical));
  }
  if (app.target === next) app.target = canonical; // the canonical form is what later changes build on
  if (push && canonical === app.query) { if (app.target === canonical) app.target = null; app.filters?.sync(app.state); return; }
  if (push) history.pushState(null, '', urlFor(canonical));
  await render(canonical, { t0, e0 });
}

/** Asks the engine for every view of `query` and draws them. Returns false if a newer request overtook it. */
async function render(query, { t0, e0 = performance.now() } = {}) {
  const seq = ++app.seq;
  root.setAttribute('aria-busy', 'true');
  let result;
  try {
    if (app.embed) {
      const one = await app.engine.view(query, app.embed);
      result = { data: { [app.embed]: one.data }, engineMs: one.engineMs };
    } else {
      result = await app.engine.views(query);
    }
  } catch (err) {
    root.removeAttribute('aria-busy');
    showError(alertEl(), err, { fatal: !app.query });
    return false;
  }
  const e1 = performance.now();
  if (seq !== app.seq) return false;
  performance.measure('hubreport:engine', { start: e0, end: e1, detail: { wasmMs: result.engineMs } });
  app.query = query;
  if (app.target === query) app.target = null;
  app.state = S.read(query);
  app.slices = result.data;
  // Controls first: they answer the click at once, while the charts redraw.
  app.filters?.sync(app.state);
  const n = renderChips($('#chips'), app.state, change);
  $('#filter-count').textContent = n ? ` (${n})` : '';
  const full = $('#open-full');
  if (full) full.href = urlFor(S.withKey(query, 'view', null));
  await drawAll();
  if (seq !== app.seq) return false;
  await nextFrame();
  root.removeAttribute('aria-busy');
  if (t0 != null && seq === app.seq) performance.measure('hubreport:update', { start: t0, end: performance.now() });
  return true;
}

/** Draws every section for the current state: the ones on screen first, then (after one frame, so the reader
 *  sees those update at once) all the others. Resolves when all are drawn, or early if a newer draw took over. */
async function drawAll() {
  const token = (app.drawToken = (app.drawToken ?? 0) + 1);
  const c = ctx();
  app.drawnWidth = $('#report').clientWidth;
  const onScreen = (s) => { const r = s.el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  const visible = app.sections.filter(onScreen);
  const t0 = performance.now();
  for (const s of visible) drawSection(s, c);
  if (visible.length < app.sections.length) {
    await nextFrame();
    if (token !== app.drawToken) return;
    // Charts nobody can see yet skip their animation: it only costs frames.
    for (const s of app.sections) if (!visible.includes(s)) drawSection(s, c, { animate: false });
  }
  performance.measure('hubreport:draw', { start: t0, end: performance.now() });
  if (app.filters && app.slices.growth && !app.rangeSet) {
    // The time filter's bounds: from the first creation month (known only when the first view is unwindowed)
    // to the snapshot's last month.
    const months = app.slices.growth.rows.map((r) => r[0]).filter(Boolean).sort();
    const last = app.loaded.info?.last_month ?? months[months.length - 1] ?? null;
    const first = app.state.from || app.state.to ? null : months[0] ?? null;
    app.filters.setRange(first, last);
    app.rangeSet = true;
  }
}

function drawSection(s, c, { animate = true } = {}) {
  const slice = app.slices[s.view.name];
  if (!slice) {
    s.reading.textContent = 'The engine returned no data for this view.';
    s.el.dataset.drawn = 'error';
    return;
  }
  s.draw(app.state, slice, { ...c, animate });
  s.el.dataset.query = app.query; // test hook: the state this view was last drawn for
  if (s.cards) renderCards(s.cards, slice);
  if (s.cumToggle) s.cumToggle.setAttribute('aria-pressed', String(app.state.cum === '1'));
}

function renderCards(box, slice) {
  clear(box);
  for (const c of headlineCards(slice)) {
    // Names ("Individuals & community") get a smaller size than figures, so cards keep one rhythm.
    const valueClass = c.value.length > 9 ? 'card-value long' : 'card-value';
    box.append(h('div', { class: 'card' }, h('p', { class: 'card-label' }, c.label), h('p', { class: valueClass }, c.value),
      h('p', { class: 'card-note' }, c.note)));
  }
}

// ---- share, export, embed ----

async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied`);
    return true;
  } catch {
    return false;
  }
}

async function copyLink() {
  const ok = await copyText(location.href, 'Link');
  const btn = $('#copy-link');
  btn.textContent = ok ? 'Link copied' : 'Copy the address bar';
  setTimeout(() => { btn.textContent = 'Copy link'; }, 2000);
}

function sourceLine() {
  const m = app.loaded.manifest;
  return `Source: hubreport, snapshot ${app.loaded.id}${m.date ? ` (${m.date})` : ''}${isSynthetic(m) ? ' — SYNTHETIC data, not real Hub data' : ''}. ${location.href}`;
}

function fileName(section, ext) {
  return `hubreport-${section.view.name}-${app.loaded.id}.${ext}`;
}

function exportPng(section) {
  const c = { ...ctx(), theme: exportTheme(app.theme) };
  const url = app.ui.pngOf(section.view, app.state, section.slice, c, {
    title: section.view.title, reading: section.reading.textContent, source: sourceLine(), filters: filterSummary(app.state) });
  app.ui.savePng(url, fileName(section, 'png'));
  announce(`${section.view.title} saved as PNG`);
}

async function exportCsv(section) {
  try {
    const text = await app.engine.csv(app.query, section.view.name);
    app.ui.saveCsv(text, fileName(section, 'csv'));
    announce(`${section.view.title} saved as CSV`);
  } catch (err) {
    showError(alertEl(), err, { fatal: false });
  }
}

function toggleEmbed(section, button) {
  const box = section.embedBox;
  const open = box.hidden;
  box.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (!open) return;
  const src = new URL(urlFor(S.withKey(app.query, 'view', section.view.name)), location.href).href;
  const code = `<iframe src="${src.replace(/"/g, '&quot;')}" title="${section.view.title}: State of Open Source on Hugging Face" `
    + `width="100%" height="${Math.round(section.built?.height ?? 400) + 260}" loading="lazy" style="border:0"></iframe>`;
  clear(box);
  const id = `embed-${section.view.name}`;
  const area = h('textarea', { id, readonly: true, rows: '3', spellcheck: 'false' });
  area.value = code;
  box.append(h('label', { for: id }, 'Embed code for this view with the current filters'), area,
    h('button', { type: 'button', class: 'btn-small', onclick: async (e) => {
      area.select();
      e.currentTarget.textContent = (await copyText(code, 'Embed code')) ? 'Copied' : 'Press Ctrl+C to copy';
    } }, 'Copy embed code'));
  area.focus();
  area.select();
}

boot();
