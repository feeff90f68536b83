// On narrow screens the filter panel is a drawer: a button opens it, Escape or "Show results" closes it,
// focus moves in on open and back to the button on close. On wide screens it is a plain sidebar.
import { $ } from './dom.js';

const NARROW = '(max-width: 899px)';

export function setupDrawer() {
  const panel = $('#filters');
  const openBtn = $('#filters-open');
  const closeBtn = $('#filters-close');
  const backdrop = $('#backdrop');
  const mq = matchMedia(NARROW);

  const set = (open, { focus = true } = {}) => {
    document.body.classList.toggle('drawer-open', open);
    openBtn.setAttribute('aria-expanded', String(open));
    // Off-screen drawer content must not be reachable by Tab or by screen readers.
    if (mq.matches) panel.inert = !open;
    backdrop.hidden = !open;
    if (!focus) return;
    if (open) ($('input, button', panel) ?? panel).focus();
    else openBtn.focus();
  };
  const layout = () => {
    if (mq.matches) set(false, { focus: false });
    else { panel.inert = false; document.body.classList.remove('drawer-open'); backdrop.hidden = true; }
  };
  openBtn.addEventListener('click', () => set(!document.body.classList.contains('drawer-open')));
  closeBtn.addEventListener('click', () => set(false));
  backdrop.addEventListener('click', () => set(false));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.body.classList.contains('drawer-open')) set(false);
  });
  mq.addEventListener('change', layout);
  layout();
}
