// What went wrong and what to do, in words a reader (or whoever hosts the page) can act on.
import { h, clear } from './dom.js';

const ADVICE = {
  missing: {
    title: 'The data snapshot could not be found.',
    todo: 'If you host this page, build the snapshot and copy the snapshots/ folder next to index.html, then reload. '
      + 'If you are a reader, try again later.',
  },
  corrupt: {
    title: 'The data snapshot is damaged.',
    todo: 'Reload the page. If this keeps happening, the copy on the server is broken: rebuild or upload the snapshot again.',
  },
  version: {
    title: 'This snapshot was made for another version of the page.',
    todo: 'Rebuild the snapshot with the same hubreport version as the page, or open the page version that matches it.',
  },
  engine: {
    title: 'The report engine could not start.',
    todo: 'Reload the page in a current Chrome, Edge, Firefox or Safari with JavaScript and WebAssembly enabled. '
      + 'If you host this page, check that hubreport.js and hubreport.wasm sit next to index.html.',
  },
  request: {
    title: 'The views could not be computed.',
    todo: 'Reset the filters or reload the page.',
  },
};

/** Fills the alert element; `fatal` errors also mark the page as failed (data-state="error"). */
export function showError(alertEl, err, { fatal = true } = {}) {
  const a = ADVICE[err.kind] ?? ADVICE.engine;
  clear(alertEl);
  alertEl.append(
    h('p', { class: 'alert-title' }, a.title),
    h('p', {}, err.message && err.message !== a.title ? err.message : ''),
    h('p', { class: 'alert-todo' }, a.todo));
  if (err.detail) alertEl.append(h('details', {}, h('summary', {}, 'Technical details'), h('pre', {}, String(err.detail))));
  if (fatal) alertEl.append(h('button', { type: 'button', class: 'btn-small', onclick: () => location.reload() }, 'Reload the page'));
  alertEl.hidden = false;
  if (fatal) document.documentElement.dataset.state = 'error';
}

/** A bad link is not fatal: say which key was wrong and that it was left out. */
export function showBadLink(alertEl, dropped, { reset }) {
  clear(alertEl);
  const keys = dropped.map((d) => `‘${d.key}’`).join(', ');
  alertEl.append(
    h('p', { class: 'alert-title' }, `This link has a setting the page does not understand: ${keys}.`),
    ...dropped.map((d) => h('p', {}, `${d.message}.`)),
    h('p', { class: 'alert-todo' }, reset
      ? 'The link could not be used, so the report opens on its default view. Ask whoever sent the link for a new one.'
      : 'That setting was left out; the rest of the link is shown. Ask whoever sent the link for a new one if this is not what you expected.'),
    h('button', { type: 'button', class: 'btn-small', onclick: () => { alertEl.hidden = true; } }, 'Dismiss'));
  alertEl.hidden = false;
}
