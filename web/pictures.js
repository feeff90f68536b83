// Build-time pictures of the default view (scripts/prerender.mjs): SVG drawings of its charts, with their readings
// and notes, made by the page's own view code at the desktop chart width. The page shows them at once on an open of
// the default view and turns each into its live chart later (main.js). A picture is used only for the snapshot,
// views file, state and chart context it was drawn for; anything else (another width, a theme or font the page does
// not share, a damaged or missing file) draws the charts live, as without pictures.

export const PICTURES_FORMAT = 'hubreport-pictures/1';
// The chart box's width when the page is at its widest layout (windows 1280 px and wider); tests check it.
export const DESKTOP_CHART_WIDTH = 890;
export const picturesFile = (theme) => `pictures-${theme}.json.gz`;

/** Fetches and unpacks the pictures for the reader's colour scheme; resolves null when there are none or they
 *  cannot be read (never rejects: the page then draws the charts). */
export async function fetchPictures(siteUrl, dark) {
  try {
    if (typeof DecompressionStream !== 'function') return null;
    const res = await fetch(new URL(picturesFile(dark ? 'dark' : 'light'), siteUrl));
    if (!res.ok || !res.body) return null;
    const text = await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text();
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const MAX_HEIGHT = 4000;

/** The pictures of `file` usable on this page, by view name, or null with why not (for the console). */
export function usablePictures(file, { snapshot, viewsSha256, state, ctx }) {
  if (!file || typeof file !== 'object') return { views: null, why: 'no pictures' };
  if (file.format !== PICTURES_FORMAT) return { views: null, why: `format ${String(file.format).slice(0, 40)}` };
  if (file.snapshot !== snapshot || String(file.views_sha256).toLowerCase() !== String(viewsSha256).toLowerCase()) {
    return { views: null, why: 'drawn for another snapshot' };
  }
  if (file.state !== state) return { views: null, why: 'drawn for another state' };
  if (JSON.stringify(file.ctx) !== JSON.stringify(ctx)) return { views: null, why: 'drawn for another width or theme' };
  const views = {};
  for (const [name, v] of Object.entries(file.views ?? {})) {
    if (v && typeof v.svg === 'string' && typeof v.reading === 'string' && typeof v.note === 'string'
      && Number.isFinite(v.height) && v.height > 0 && v.height <= MAX_HEIGHT) views[name] = v;
  }
  return { views, why: '' };
}
