// Tiny DOM helpers. Text always goes in through textContent: names on the Hub come from strangers.

/** h('p', {class: 'x', 'aria-label': 'y'}, 'text', childNode, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'hidden') el.hidden = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** Announces a short message to screen readers (and shows it briefly in the toolbar). */
export function announce(text) {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages.
  setTimeout(() => { live.textContent = text; }, 30);
}

/** Triggers a download of a Blob or data URL. */
export function download(href, filename) {
  const a = h('a', { href, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
}
