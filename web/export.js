// PNG and CSV export of one view. The PNG is drawn off screen at a fixed publishing size, always in the light
// theme with an explicit background, with the title, the reading and a source line inside the image.
import * as echarts from './echarts.js';
import { download } from './dom.js';

const WIDTH = 1200;
const FOOT = 44;

export function pngOf(view, state, slice, ctx, { title, reading, source, filters }) {
  // The reading wraps under the title; room for it is estimated from its length (about 7.5 px a character).
  const readingLines = Math.min(3, Math.ceil((reading.length * 7.5) / (WIDTH - 48)));
  const filtersTop = 54 + readingLines * 20 + 10;
  const HEAD = filtersTop + (filters ? 26 : 0) + 16;
  const exportCtx = { ...ctx, narrow: false, width: WIDTH - 48 };
  const built = view.build(state, slice, exportCtx);
  const note = built.note;
  const noteLines = note ? Math.ceil((note.length * 7) / (WIDTH - 48)) : 0;
  const height = Math.round(built.height + HEAD + FOOT + noteLines * 18);
  const box = document.createElement('div');
  const chart = echarts.init(box, null, { renderer: 'canvas', width: WIDTH, height });
  const option = built.option;
  const shift = (list, dy) => (Array.isArray(list) ? list : list ? [list] : []).map((c) => ({ ...c,
    top: typeof c.top === 'number' ? c.top + dy : c.top, outerBounds: c.outerBounds && typeof c.outerBounds.top === 'number'
      ? { ...c.outerBounds, top: c.outerBounds.top + dy } : c.outerBounds }));
  const t = ctx.theme;
  const inset = (list) => list.map((c) => ({ ...c, left: typeof c.left === 'number' ? c.left + 24 : c.left,
    right: typeof c.right === 'number' ? c.right + 24 : c.right }));
  const withHead = {
    ...option,
    animation: false,
    backgroundColor: t.bg,
    // Stacked panels get a 24 px margin; side-by-side panels (percent positions) keep theirs.
    grid: inset(shift(option.grid, HEAD)).map((g) => (typeof g.left === 'number'
      ? { ...g, outerBounds: g.outerBounds && { ...g.outerBounds, left: 24, right: 24 } } : g)),
    legend: inset(shift(option.legend, HEAD)).map((l) => ({ ...l, type: 'plain' })),
    title: [
      { text: title, left: 24, top: 18, textStyle: { fontSize: 22, fontWeight: 700, color: t.text } },
      { text: reading, left: 24, top: 54, textStyle: { fontSize: 14, fontWeight: 400, color: t.muted, width: WIDTH - 48,
        overflow: 'break', lineHeight: 20 } },
      ...(filters ? [{ text: `Filters: ${filters}`, left: 24, top: filtersTop,
        textStyle: { fontSize: 13, fontWeight: 600, color: t.text, width: WIDTH - 48, overflow: 'truncate' } }] : []),
      ...inset(shift(option.title, HEAD)),
      ...(note ? [{ text: note, left: 24, top: HEAD + built.height + 4, textStyle: { fontSize: 13, fontWeight: 400, color: t.muted,
        width: WIDTH - 48, overflow: 'break', lineHeight: 18 } }] : []),
    ],
    graphic: [
      // "No data" lines sit at chart coordinates: move them with the grids.
      ...(option.graphic ?? []).map((g) => ({ ...g, x: (g.x ?? 0) + 24, y: (g.y ?? 0) + HEAD })),
      { type: 'text', left: 24, bottom: 14, style: { text: source, fontSize: 12, fill: t.muted, fontFamily: t.font } },
    ],
    tooltip: { show: false },
  };
  chart.setOption(withHead);
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: t.bg });
  chart.dispose();
  return url;
}

export function savePng(url, name) {
  download(url, name);
}

export function saveCsv(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  download(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
