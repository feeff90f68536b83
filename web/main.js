// Page controller: loads the snapshot through the engine worker, keeps the URL and the views in step,
// and wires filters, cross-filter clicks, history, export and embed mode.
import * as early from './early.js';
import * as S from './state.js';
import { h, $, clear, announce } from './dom.js';
import { showError, showBadLink } from './errors.js';
import { readTheme, exportTheme, onThemeChange } from './theme.js';
import { renderSnapshotFacts, renderBanner, isSynthetic } from './sources.js';
import { createFilters, renderChips, filterSummary } from './filters.js';
import { bytes } from './format.js';
import { label, DIM_LABELS } from './vocab.js';
import { VIEWS } from './charts/index.js';
import { chartContext } from './charts/context.js';
import { usablePictures } from './pictures.js';
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
  const box = app.sections.map((s) => s.chartBox.clientWidth).find((w) => w > 0);
  return chartContext({ theme: app.theme, narrow: app.narrow,
    width: Math.max(280, box ?? $('#report').clientWidth - (app.narrow ? 28 : 48)),
    manifest: app.loaded?.manifest, info: app.loaded?.info });
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

/** The link's state, canonicalised by the engine. Keys the engine rejects are dropped one by one (it names them);
 *  if nothing usable is left, the default view. */
async function resolveLink(query, snapshotId) {
  let q = S.withKey(query, 's', snapshotId);
  const dropped = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      const { query: canonical, state } = await app.engine.state(q);
      return { canonical, state, dropped, reset: false };
    } catch (err) {
      if (err.kind !== 'request') throw err;
      const key = S.keyNamedIn(err.message);
      dropped.push({ key: key ?? 'unknown', message: err.message });
      if (!key || key === 's' || !S.hasKey(q, key)) break;
      q = S.withKey(q, key, null);
    }
  }
  const { query: canonical, state } = await app.engine.state(`s=${encodeURIComponent(snapshotId)}`);
  return { canonical, state, dropped, reset: true };
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
  app.theme = readTheme();
  const wanted = S.getValue(initial, 's');
  let opened;
  let ui;
  try {
    app.engine = early.engine; // started by early.js, before this module's imports had loaded
    [opened, ui] = await Promise.all([early.opened, Promise.all([import('./view-section.js'), import('./export.js')])]);
  } catch (err) {
    fatal(err.kind ? err : { kind: 'engine', message: String(err.message || err) });
    return;
  }
  performance.mark('hubreport:opened'); // engine module, index and manifest
  app.loaded = { ...opened, info: null };
  app.ui = { ViewSection: ui[0].ViewSection, ...ui[1] };
  const { manifest } = opened;
  renderBanner($('#synthetic-banner'), manifest);
  renderSnapshotFacts($('#snapshot-facts'), app.loaded);
  $('#snapshot-meta').textContent = `Snapshot ${opened.id}${manifest.date ? ` of ${manifest.date}` : ''}`
    + `${isSynthetic(manifest) ? ' · synthetic data' : ''}`;

  // The link's canonical state comes from the engine's state parser (it migrates old link versions), which
  // works as soon as the module has started: no snapshot needed.
  let link;
  try {
    link = await resolveLink(initial, opened.id);
  } catch (err) {
    fatal(err);
    return;
  }
  if (link.dropped.length) showBadLink(alertEl(), link.dropped, { reset: link.reset });
  app.embed = link.state?.embed ?? null;
  root.classList.toggle('embed', Boolean(app.embed));
  history.replaceState(null, '', urlFor(link.canonical));
  snapshotNotice(wanted, app.loaded, link.canonical);

  buildPage();
  window.addEventListener('popstate', () => applyQuery(location.search.slice(1), { push: false }));

  // The default view is precomputed in the snapshot (role "views", answering manifest.default_state): draw it
  // from that file at once and load the engine behind it. Filters used before the engine is ready wait for it.
  // An embed of the default view uses it too (embedding does not change the numbers; `embed` is printed last).
  const precomputed = S.withKey(link.canonical, 'embed', null) === manifest.default_state
    && manifest.files.some((f) => f.role === 'views');
  let loading;
  if (precomputed) {
    let pre;
    try {
      pre = await app.engine.defaultViews();
    } catch (err) {
      fatal(err);
      return;
    }
    performance.mark('hubreport:precomputed');
    $('#loading').hidden = true;
    show(link.canonical, pre.data);
    // Visible from here: the build-time pictures of every view, or else the views on screen drawn first and the rest
    // following (every view before `open`).
    root.dataset.drawn = 'precomputed';
    // The pictures were asked for first (early.js) and are the size of the views: if they are not in within a second
    // of them (a slow host), the charts are drawn instead, which takes about that long here.
    const pictures = await Promise.race([early.pictures, new Promise((r) => { setTimeout(() => r(null), 1000); })]);
    if (!await showPictures(pictures, manifest)) await drawAll({ all: true });
    root.dataset.drawn = 'precomputed-all'; // test hook: every view is drawn, the engine may still be loading
    performance.measure('hubreport:open', { start: 0, end: performance.now() });
    // Then the engine, in the background (its worker would otherwise compete with these draws for the CPU).
    loading = app.engine.load(loadProgress);
  } else {
    loading = app.engine.load(showProgress);
  }
  try {
    app.loaded.info = (await loading).info;
  } catch (err) {
    fatal(err);
    return;
  }
  performance.measure('hubreport:interactive', { start: 0, end: performance.now() });
  scheduleStale(); // pictures far from the viewport: turned now, not while the engine's load needed both cores
  engineStatus();
  if (!precomputed) {
    $('#loading-label').textContent = 'Computing the views…';
    const ok = await render(link.canonical, { t0: null, all: true });
    $('#loading').hidden = true;
    if (!ok) return;
    performance.measure('hubreport:open', { start: 0, end: performance.now() });
  }
  updateRange();
  root.dataset.state = 'ready';
}

/** The engine's load progress once the views are drawn: shown only while a filter change waits for it. */
function loadProgress(p) {
  app.loadFraction = p.fraction;
  engineStatus();
}

function engineStatus() {
  const el = $('#engine-status');
  const waiting = !app.engine.loaded && app.target != null;
  el.hidden = !waiting;
  if (waiting) el.textContent = `Preparing filters… ${Math.floor((app.loadFraction ?? 0) * 100)}%`;
}

/** A failure after the precomputed views were drawn: the snapshot is unusable, so nothing of it stays on screen. */
function fatal(err) {
  showError(alertEl(), err);
  $('#loading').hidden = true;
  $('#engine-status').hidden = true;
  for (const s of app.sections) s.dispose();
  app.sections = [];
  clear($('#report'));
}

// ---- page structure ----

function buildPage() {
  const report = $('#report');
  clear(report);
  const views = app.embed ? VIEWS.filter((v) => v.name === app.embed) : VIEWS;
  const hooks = { onPick: pick, onPng: exportPng, onCsv: exportCsv, onEmbed: toggleEmbed, onShow: ensureFresh };
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
      h('a', { href: urlFor(S.withKey(app.query || location.search.slice(1), 'embed', null)), target: '_blank', rel: 'noopener', id: 'open-full' },
        'Open the full report')));
  } else {
    app.filters = createFilters($('#filter-form'), { engine: app.engine, change });
    setupDrawer();
    $('#copy-link').addEventListener('click', copyLink);
  }
  app.narrow = report.clientWidth < 640;
  let pending = 0;
  let seenWidth = report.clientWidth;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      // Only its width matters to the charts. The report grows as views are drawn and tables open: each of those
      // re-rendered every chart (two rounds of 200-250 ms right after the open).
      if (report.clientWidth === seenWidth) return;
      seenWidth = report.clientWidth;
      const narrow = report.clientWidth < 640;
      // Titles and legends wrap at the width they were drawn for: redraw when it moved enough to change that.
      if (narrow !== app.narrow || Math.abs(report.clientWidth - app.drawnWidth) > 40) { app.narrow = narrow; drawAll(); }
      // A picture is drawn for one width: its live chart takes the new one.
      else for (const s of app.sections) if (s.picture) refresh(s); else s.resize();
    });
  }).observe(report);
  onThemeChange(() => { app.theme = readTheme(); drawAll(); });
  // Stale views (not redrawn since the last change) are drawn when they come near the viewport, or when idle.
  app.observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const sec = e.isIntersecting && app.sections.find((x) => x.el === e.target);
      if (sec && isStale(sec) && !app.busy) refresh(sec);
    }
  }, { rootMargin: '50% 0px' });
  for (const sec of app.sections) {
    app.observer.observe(sec.el);
    // A picture under the pointer becomes its chart at once: tooltips, and clicks that cross-filter.
    sec.chartBox.addEventListener('pointerenter', () => { if (sec.picture && isStale(sec)) refresh(sec); });
  }
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
  // While the engine still loads, the controls show the change at once (the charts follow when it is ready).
  if (!app.engine.loaded) showControls(S.read(canonical));
  await render(canonical, { t0, e0 });
}

/** Asks the engine for the views of `query` the reader can see and draws them; the others are asked for and drawn
 *  when they come near or the page is idle. `all` asks for and draws every view before resolving (the first open).
 *  Returns false if a newer request overtook it. */
async function render(query, { t0, e0 = performance.now(), all = false } = {}) {
  const seq = ++app.seq;
  root.setAttribute('aria-busy', 'true');
  app.busy = true;
  engineStatus();
  let result;
  try {
    if (app.embed) {
      const one = await app.engine.view(query, app.embed);
      result = { data: { [app.embed]: one.data }, engineMs: one.engineMs };
    } else if (all || app.engine.loaded === false) {
      result = await app.engine.views(query);
    } else {
      // Only the views on screen: each view costs the engine its own scan, so this is most of an update's saving.
      const names = app.sections.filter(onScreen).map((x) => x.view.name);
      const answers = await Promise.all(names.map((n) => app.engine.view(query, n)));
      result = { data: Object.fromEntries(names.map((n, i) => [n, answers[i].data])),
        engineMs: answers.reduce((a, x) => a + x.engineMs, 0) };
    }
  } catch (err) {
    if (seq === app.seq) { root.removeAttribute('aria-busy'); app.busy = false; }
    showError(alertEl(), err, { fatal: !app.query });
    return false;
  }
  const e1 = performance.now();
  if (seq !== app.seq) return false;
  performance.measure('hubreport:engine', { start: e0, end: e1, detail: { wasmMs: result.engineMs } });
  show(query, result.data);
  engineStatus();
  await drawAll({ all });
  if (seq !== app.seq) return false;
  await nextFrame();
  if (seq !== app.seq) return false;
  root.removeAttribute('aria-busy');
  app.busy = false;
  // hubreport:update ends here: from the input to the views on screen redrawn and painted (one frame later).
  // Views off screen are stale until they scroll near or the page is idle (drawStale), so they are not in it.
  if (t0 != null) performance.measure('hubreport:update', { start: t0, end: performance.now() });
  scheduleStale();
  return true;
}

/** The slice of view `name` for the current query: at hand, or asked of the engine (once). Resolves null if the
 *  query changed meanwhile. */
function sliceFor(name) {
  if (app.slices[name]) return Promise.resolve(app.slices[name]);
  const query = app.query;
  const key = `${query}\n${name}`;
  app.fetching ??= new Map();
  if (!app.fetching.has(key)) {
    app.fetching.set(key, app.engine.view(query, name).then(({ data }) => {
      if (app.query === query) app.slices[name] = data;
      return app.query === query ? data : null;
    }).catch((err) => {
      showError(alertEl(), err, { fatal: false });
      if (app.query === query) app.failed.add(name); // not asked again in idle time for this state
      return null;
    }).finally(() => app.fetching.delete(key)));
  }
  return app.fetching.get(key);
}

/** Brings a stale section up to date: fetches its slice if needed, then draws it (if still stale and current). */
async function refresh(s, opts) {
  const gen = app.drawGen;
  const slice = await sliceFor(s.view.name);
  if (slice && gen === app.drawGen && isStale(s)) drawSection(s, opts);
}

/** Takes `data` (every view's slice) as the state of the page for `query`; drawing is separate. */
function show(query, data) {
  app.query = query;
  if (app.target === query) app.target = null;
  app.state = S.read(query);
  app.slices = data;
  app.failed = new Set();
  // Controls first: they answer the click at once, while the charts redraw.
  showControls(app.state);
  const full = $('#open-full');
  if (full) full.href = urlFor(S.withKey(query, 'embed', null));
}

function showControls(state) {
  app.filters?.sync(state);
  const n = renderChips($('#chips'), state, change);
  $('#filter-count').textContent = n ? ` (${n})` : '';
  const growth = app.sections.find((x) => x.cumToggle);
  growth?.cumToggle.setAttribute('aria-pressed', String(state.cum === '1'));
}

const onScreen = (s) => { const r = s.el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };

/** A view is stale when it was not drawn for the current data, theme and width. */
const isStale = (s) => s.drawnGen !== app.drawGen;

/** Draws the sections on screen now and marks the others stale; `all` also draws those, yielding between them
 *  so input is never blocked. Resolves when done, or early if a newer draw took over. */
async function drawAll({ all = false } = {}) {
  if (!app.query) return; // nothing shown yet (a resize before the first answer)
  app.drawGen = (app.drawGen ?? 0) + 1;
  const gen = app.drawGen;
  app.ctx = ctx();
  app.drawnWidth = $('#report').clientWidth;
  const t0 = performance.now();
  // The first draw of the page does not animate: the frames an entry animation costs delay every other view.
  const animate = !all;
  const visible = app.sections.filter((x) => onScreen(x) && app.slices[x.view.name]);
  for (const s of visible) drawSection(s, { animate });
  performance.measure('hubreport:draw', { start: t0, end: performance.now() });
  for (const s of app.sections) if (isStale(s)) s.el.dataset.stale = 'true';
  updateRange();
  if (!all) { scheduleStale(); return; }
  // The rest once the visible ones are on screen, in one go: yielding between views lets the browser lay out and
  // paint the page each time, which at open costs more than the views themselves.
  await nextFrame();
  if (gen !== app.drawGen) return;
  for (const s of byDistance()) if (isStale(s)) drawSection(s, { animate: false });
}

/** Shows the build-time pictures of the default view (pictures.js) where they fit this page, drawing any view they
 *  lack. Each picture is a stale view: it becomes its live chart when the reader points at it, when it comes near
 *  (the intersection observer) or in idle time once the engine is loaded (scheduleStale). Resolves false, having
 *  shown nothing, when the pictures do not fit at all. */
async function showPictures(file, manifest) {
  if (!file) return false;
  app.drawGen = (app.drawGen ?? 0) + 1;
  app.ctx = ctx();
  app.drawnWidth = $('#report').clientWidth;
  const { views, why } = usablePictures(file, { snapshot: app.loaded.id, viewsSha256: manifest.files.find((f) => f.role === 'views')?.sha256,
    state: S.withKey(app.query, 'embed', null), ctx: app.ctx });
  if (!views) {
    console.info(`hubreport: pictures not used (${why}); drawing the charts`);
    return false;
  }
  const shown = [];
  for (const s of app.sections) {
    const slice = app.slices[s.view.name];
    if (views[s.view.name] && slice) {
      shown.push(s.showPicture(app.state, slice, views[s.view.name]).then((ok) => ok || drawSection(s)));
      if (s.cards) renderCards(s.cards, slice);
    } else drawSection(s, { animate: false });
  }
  await Promise.all(shown);
  updateRange();
  return true;
}

/** Stale sections, nearest to the viewport first. */
function byDistance() {
  const dist = (s) => { const r = s.el.getBoundingClientRect(); return r.top > innerHeight ? r.top - innerHeight : r.bottom < 0 ? -r.bottom : 0; };
  return app.sections.filter((s) => isStale(s) && !app.failed?.has(s.view.name)).sort((a, b) => dist(a) - dist(b));
}

/** Draws stale views in idle time, nearest first, one per idle slot; pauses while an update is in flight. */
function scheduleStale() {
  if (app.idlePending || !byDistance().length) return;
  app.idlePending = true;
  const idle = window.requestIdleCallback ?? ((cb) => setTimeout(() => cb({ timeRemaining: () => 50, didTimeout: false }), 50));
  idle(async (deadline) => {
    app.idlePending = false;
    if (app.busy) return; // render() schedules again when it is done
    const next = byDistance()[0];
    if (!next) return;
    if (!app.slices[next.view.name]) await sliceFor(next.view.name); // the engine works in its worker meanwhile
    else if (deadline.timeRemaining() > 10 || deadline.didTimeout) drawSection(next);
    scheduleStale();
  }, { timeout: 1000 });
}

/** Before a view's table, PNG or embed code is shown: bring it up to date if it is stale. */
async function ensureFresh(s) {
  if (isStale(s) && app.slices && app.query) await refresh(s);
}

function updateRange() {
  if (!app.filters || app.rangeSet || !app.slices.growth) return;
  // The time filter's bounds: from the first creation month (known only when the view is unwindowed) to the
  // snapshot's last month (from the engine's info once it is loaded).
  const months = app.slices.growth.rows.map((r) => r[0]).filter(Boolean).sort();
  if (!app.state.from && !app.state.to) app.firstMonth = months[0] ?? null;
  const last = app.loaded.info?.last_month ?? months[months.length - 1] ?? null;
  app.filters.setRange(app.firstMonth ?? null, last);
  app.rangeSet = Boolean(app.loaded.info);
}

function drawSection(s, { animate = onScreen(s) } = {}) {
  const slice = app.slices[s.view.name];
  s.drawnGen = app.drawGen;
  delete s.el.dataset.stale;
  if (!slice) {
    s.reading.textContent = 'The engine returned no data for this view.';
    s.el.dataset.drawn = 'error';
    return;
  }
  // Views drawn off screen skip their animation: it only costs frames. A picture becomes its chart in place.
  const wasPicture = Boolean(s.picture);
  s.draw(app.state, slice, { ...app.ctx, animate: animate && !wasPicture });
  s.el.dataset.query = app.query; // test hook: the state this view was last drawn for
  if (s.cards) renderCards(s.cards, slice);
  if (s.cumToggle) s.cumToggle.setAttribute('aria-pressed', String(app.state.cum === '1'));
  if (wasPicture && !app.sections.some((x) => x.picture)) {
    performance.measure('hubreport:charts', { start: 0, end: performance.now() }); // every picture is a live chart
  }
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

async function exportPng(section) {
  await ensureFresh(section);
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

async function toggleEmbed(section, button) {
  const box = section.embedBox;
  const open = box.hidden;
  box.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (!open) return;
  await ensureFresh(section);
  const src = new URL(urlFor(S.withKey(app.query, 'embed', section.view.name)), location.href).href;
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
