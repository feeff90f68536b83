// Composes one ECharts option from vertically stacked panels that share a legend. Stacking (not side by side)
// keeps every panel full width on a 375 px phone, and one chart instance per view keeps PNG export whole.
import { baseOption, monthAxis, valueAxis, legend, panelTitle, tooltipFormatter, FADE } from './common.js';
import { compact, share } from '../format.js';

const TITLE_H = 24;
const GAP = 22;
const EMPTY_H = 64;
const EMPTY_TEXT = 'No data for this selection';

let measurer;
/** Text width in px: measured with the page's font in a browser, estimated where there is no canvas (node tests). */
export function textWidth(text, { size = 12, weight = 400, font = 'sans-serif' } = {}) {
  if (measurer === undefined) {
    measurer = null;
    try { measurer = new OffscreenCanvas(1, 1).getContext('2d'); } catch { /* no canvas: estimate */ }
  }
  if (!measurer) return String(text).length * size * (weight >= 600 ? 0.62 : 0.56);
  measurer.font = `${weight} ${size}px ${font}`;
  return measurer.measureText(String(text)).width;
}

/** Lines a title takes when ECharts breaks it at word boundaries within `width`. */
function titleLines(ctx, text, width) {
  let lines = 1;
  let x = 0;
  const space = textWidth(' ', { size: 13, weight: 600, font: ctx.theme.font });
  for (const word of String(text).split(' ')) {
    const w = textWidth(word, { size: 13, weight: 600, font: ctx.theme.font });
    if (x > 0 && x + space + w > width) { lines += 1; x = w; } else x += (x > 0 ? space : 0) + w;
  }
  return lines;
}

/** Height of a wrapping legend: ECharts lays it out only after the option is set, so it is measured here. */
function legendHeight(ctx, names, width = ctx.width || 900) {
  const avail = Math.max(200, width - 10);
  const gap = ctx.narrow ? 10 : 16;
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 12 + 5 + textWidth(n, { size: 12, font: ctx.theme.font });
    if (x + w > avail && x > 0) { rows += 1; x = 0; }
    x += w + gap; // the gap only between items: a row's last item may end at the edge
  }
  return rows * 22 + 12;
}

export const barsHeight = (n) => Math.max(80, n * 24 + 30);

export function panelHeight(ctx) {
  return ctx.narrow ? 210 : 250;
}

/**
 * panels: [{title, x: [...], xKind: 'month'|'category', percent, log, fmt, xLabel, height,
 *           horizontal, categories, catLabel (ranked bars: categories down the y axis),
 *           categoryDim (the filter a click on a ranked bar sets),
 *           legend (the panel's series get a legend of their own, under its title),
 *           series: [{id, name, color, data, type: 'line'|'bar', stack, area, faded, dashed, pick: {key, value},
 *                     reference (a guide line, not data)}]}]
 * legendNames: series names in legend order (empty for no legend).
 * note: a sentence the page shows under the chart (what was left out, and why).
 * layout 'row' puts panels side by side on wide screens (stacked on narrow ones).
 * xKind 'value' takes series data as [x, y] pairs (xPercent, xFmt, xName describe that axis).
 * Empty panels shrink to their title and a "No data" line; a view with no data at all to one short box.
 * Returns {option, height, note, seriesPick, legendPick, axisDims}.
 */
export function composePanels(ctx, { panels, legendNames = [], description, layout = 'column', note = '' }) {
  const option = baseOption(ctx, description);
  // A view with nothing to show says so in a small box, not under empty axes and a legend of absent series.
  if (panels.every(isEmpty)) return { ...emptyChart(ctx, option), note: '', ...picksOf([]) };
  option.title = [];
  option.grid = [];
  option.xAxis = [];
  option.yAxis = [];
  option.series = [];
  option.legend = [];
  option.graphic = [];
  const hasLegend = legendNames.length > 0;
  if (hasLegend) option.legend.push(legend(ctx, legendNames));
  const row = layout === 'row' && !ctx.narrow;
  const width = ctx.width || 900;
  // Titles wrap within their column (side by side, or on a phone) instead of running off the edge.
  const titleWidth = Math.floor(width / (row ? panels.length : 1)) - (row ? 24 : 4);
  const linesOf = (p) => (p.title ? titleLines(ctx, p.title, titleWidth) : 0);
  const rowLines = row ? Math.max(...panels.map(linesOf)) : 0;
  let top = hasLegend ? legendHeight(ctx, legendNames) : 0;
  let rowHeight = 0;
  panels.forEach((panel, i) => {
    const empty = isEmpty(panel);
    const lines = row ? rowLines : linesOf(panel);
    const titleH = lines ? TITLE_H + (lines - 1) * 16 + (row ? 6 : 0) : 0;
    // A panel's own legend (lines named apart from the view's legend) sits under its title.
    const ownLegend = panel.legend && !empty ? panel.series.map((s) => s.name) : [];
    const legendH = ownLegend.length ? legendHeight(ctx, ownLegend, titleWidth) - 6 : 0;
    const full = panel.height ?? (panel.horizontal ? barsHeight(panel.categories.length) : panelHeight(ctx));
    const h = empty && !row ? titleH + EMPTY_H : full + legendH;
    // Side by side: each panel gets an equal share of the width, with a gutter.
    const box = row ? { left: `${(i * 100) / panels.length}%`, width: `${100 / panels.length - 4}%` } : { left: 0, right: 0 };
    if (panel.title) {
      const t = panelTitle(ctx, panel.title, top);
      t.textStyle = { ...t.textStyle, width: titleWidth, overflow: 'break', lineHeight: 16 };
      option.title.push({ ...t, left: box.left });
    }
    if (ownLegend.length) option.legend.push(legend(ctx, ownLegend, { top: top + titleH - 2, left: box.left }));
    const gridTop = top + titleH + legendH;
    const gridH = h - titleH - legendH;
    option.grid.push({ ...box, right: row ? undefined : 12, top: gridTop, height: gridH,
      outerBounds: { ...box, top: gridTop, height: gridH } });
    const { x, y } = axesOf(ctx, panel, i, row);
    option.xAxis.push(empty ? { ...x, show: false } : x);
    option.yAxis.push(empty ? { ...y, show: false } : y);
    if (empty) {
      const cx = row ? ((i + 0.5) * width) / panels.length : width / 2;
      option.graphic.push(emptyText(ctx, cx, gridTop + gridH / 2));
    } else {
      const fmt = panel.fmt ?? (panel.percent ? share : compact);
      for (const s of panel.series) option.series.push(seriesOf(s, i, fmt));
    }
    if (row) rowHeight = Math.max(rowHeight, h);
    else top += h + GAP;
  });
  if (row) top += rowHeight + GAP;
  option.tooltip.trigger = 'axis';
  option.tooltip.formatter = (params) => {
    const list = Array.isArray(params) ? params : [params];
    const panel = panels[option.series[list[0]?.seriesIndex]?.xAxisIndex ?? 0];
    const fmt = panel?.fmt ?? (panel?.percent ? share : compact);
    const title = panel?.horizontal && panel.catLabel ? (p) => panel.catLabel(p.name) : undefined;
    return tooltipFormatter({ fmt: (v) => fmt(v), sort: panel?.sortTooltip ?? true, title })(params);
  };
  return { option, height: top - GAP + 8, note, ...picksOf(panels) };
}

function axesOf(ctx, panel, i, row) {
  const valueAx = { ...valueAxis(ctx, { percent: panel.percent, log: panel.log, fmt: panel.fmt }), gridIndex: i };
  if (panel.horizontal) {
    // Ranked bars read top-down: largest first, names on the left where they fit.
    return {
      y: { type: 'category', gridIndex: i, data: panel.categories, inverse: true, triggerEvent: true,
        axisPointer: { type: 'shadow', shadowStyle: { color: ctx.theme.grid, opacity: 0.35 } },
        axisTick: { show: false }, axisLine: { lineStyle: { color: ctx.theme.grid } },
        axisLabel: { color: ctx.theme.text, formatter: panel.catLabel, width: ctx.narrow ? 120 : 190, overflow: 'truncate' } },
      x: { ...valueAx, splitNumber: ctx.narrow ? 3 : 5 },
    };
  }
  let x;
  if (panel.xKind === 'month') {
    x = monthAxis(ctx, panel.x, { gridIndex: i, boundaryGap: panel.series.some((s) => s.type === 'bar') });
  } else if (panel.xKind === 'value') {
    x = { ...valueAxis(ctx, { percent: panel.xPercent, fmt: panel.xFmt }), gridIndex: i, name: panel.xName,
      nameLocation: 'middle', nameGap: 24, splitLine: { show: false }, ...(panel.xPercent ? { interval: row ? 0.5 : 0.25 } : {}) };
    // Side by side, a third of the width cannot hold six percentages: halves there, and colliding labels go.
    x.axisLabel = { ...x.axisLabel, hideOverlap: true };
  } else {
    x = { type: 'category', gridIndex: i, data: panel.x, axisTick: { show: false },
      axisLine: { lineStyle: { color: ctx.theme.grid } },
      axisLabel: { color: ctx.theme.muted, hideOverlap: true, formatter: panel.xLabel } };
  }
  return { x, y: valueAx };
}

function emptyText(ctx, x, y) {
  return { type: 'text', x, y, silent: true,
    style: { text: EMPTY_TEXT, fill: ctx.theme.muted, fontSize: 15, fontFamily: ctx.theme.font, align: 'center', verticalAlign: 'middle' } };
}

function emptyChart(ctx, option) {
  const height = 120; // the chart box's CSS min-height
  option.series = [];
  option.tooltip = { show: false };
  option.graphic = [emptyText(ctx, (ctx.width || 900) / 2, height / 2)];
  return { option, height, empty: true };
}

const valueIn = (d) => (Array.isArray(d) ? d[d.length - 1] : d && typeof d === 'object' ? d.value : d);
// Reference lines (the Lorenz curve's line of equality) are not data: a panel with only those is empty.
const isEmpty = (panel) => panel.series.every((s) => s.reference || !Array.isArray(s.data)
  || !s.data.some((d) => Number(valueIn(d)) > 0));

/** What a click selects: by series id (a whole series), by legend name, or by a ranked bar's category. */
export function picksOf(panels) {
  const seriesPick = new Map();
  const legendPick = new Map();
  for (const p of panels) {
    for (const s of p.series) {
      if (!s.pick) continue;
      seriesPick.set(s.id, s.pick);
      legendPick.set(s.name, s.pick);
    }
  }
  return { seriesPick, legendPick, axisDims: panels.map((p) => (p.horizontal ? p.categoryDim ?? null : null)) };
}

function seriesOf(s, gridIndex, fmt) {
  const opacity = s.faded ? FADE : 1;
  // A stacked area over one or two months draws nothing visible: such a series (a snapshot from a single dump
  // knows one month of downloads) is drawn as bars instead.
  if ((s.type ?? 'line') === 'line' && s.area && Array.isArray(s.data) && s.data.length < 3) s = { ...s, type: 'bar', area: false };
  const base = {
    id: s.id, name: s.name, type: s.type ?? 'line', xAxisIndex: gridIndex, yAxisIndex: gridIndex, data: s.data,
    // ECharts stacks by name across the whole chart: scope stacks to their panel.
    itemStyle: { color: s.color, opacity }, emphasis: { focus: 'series' }, stack: s.stack ? `${gridIndex}:${s.stack}` : undefined,
    connectNulls: false,
  };
  if (base.type === 'line') {
    Object.assign(base, {
      symbol: 'circle', symbolSize: 5, smooth: false, showSymbol: Array.isArray(s.data) && s.data.length === 1,
      lineStyle: { width: s.area ? 0.6 : 2, color: s.color, opacity: s.faded ? FADE : 1, type: s.dashed ? 'dashed' : 'solid' },
      areaStyle: s.area ? { color: s.color, opacity: s.faded ? FADE : 0.9 } : undefined,
    });
  } else {
    Object.assign(base, { barMaxWidth: 44, itemStyle: { color: s.color, opacity, borderRadius: s.stack ? 0 : [2, 2, 0, 0] } });
  }
  base.tooltip = { valueFormatter: fmt };
  return base;
}
