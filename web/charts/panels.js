// Composes one ECharts option from vertically stacked panels that share a legend. Stacking (not side by side)
// keeps every panel full width on a 375 px phone, and one chart instance per view keeps PNG export whole.
import { baseOption, monthAxis, valueAxis, legend, panelTitle, tooltipFormatter, FADE } from './common.js';
import { compact, share } from '../format.js';

const TITLE_H = 24;
const ROW_TITLE_H = 46;

/** Height of a wrapping legend: estimated from label lengths (ECharts lays it out only after the option is set). */
function legendHeight(ctx, names) {
  const avail = Math.max(200, (ctx.width || 900) - 10);
  const gap = ctx.narrow ? 10 : 16;
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 12 + 5 + String(n).length * 6.6 + gap;
    if (x + w > avail && x > 0) { rows += 1; x = 0; }
    x += w;
  }
  return rows * 22 + 12;
}
const GAP = 22;

export const barsHeight = (n) => Math.max(80, n * 24 + 30);

export function panelHeight(ctx) {
  return ctx.narrow ? 210 : 250;
}

/**
 * panels: [{title, x: [...], xKind: 'month'|'category', percent, log, fmt, xLabel, height,
 *           horizontal, categories, catLabel (ranked bars: categories down the y axis),
 *           categoryDim (the filter a click on a ranked bar sets),
 *           series: [{id, name, color, data, type: 'line'|'bar', stack, area, faded, dashed, pick: {key, value}}]}]
 * legendNames: series names in legend order (empty for no legend).
 * layout 'row' puts panels side by side on wide screens (stacked on narrow ones).
 * xKind 'value' takes series data as [x, y] pairs (xPercent, xFmt, xName describe that axis).
 * Returns {option, height, seriesPick, legendPick, axisDims}.
 */
export function composePanels(ctx, { panels, legendNames = [], description, layout = 'column' }) {
  const option = baseOption(ctx, description);
  option.title = [];
  option.grid = [];
  option.xAxis = [];
  option.yAxis = [];
  option.series = [];
  option.tooltip.formatter = undefined;
  const hasLegend = legendNames.length > 0;
  if (hasLegend) option.legend = legend(ctx, legendNames);
  const row = layout === 'row' && !ctx.narrow;
  const titleH = row ? ROW_TITLE_H : TITLE_H;
  let top = hasLegend ? legendHeight(ctx, legendNames) : 0;
  let rowHeight = 0;
  panels.forEach((panel, i) => {
    const h = panel.height ?? (panel.horizontal ? barsHeight(panel.categories.length) : panelHeight(ctx));
    // Side by side: each panel gets an equal share of the width, with a gutter.
    const box = row ? { left: `${(i * 100) / panels.length}%`, width: `${100 / panels.length - 4}%` } : { left: 0, right: 0 };
    let thisTitleH = 0;
    if (panel.title) {
      const t = panelTitle(ctx, panel.title, top);
      // Titles wrap within their column (side by side, or on a phone) instead of running off the edge.
      const width = Math.floor((ctx.width || 900) / (row ? panels.length : 1)) - (row ? 24 : 4);
      t.textStyle = { ...t.textStyle, width, overflow: 'break', lineHeight: 16 };
      const lines = Math.ceil((panel.title.length * 7.2) / width);
      thisTitleH = row ? titleH : TITLE_H + (lines - 1) * 16;
      option.title.push({ ...t, left: box.left });
    }
    const gridTop = top + thisTitleH;
    const gridH = h - thisTitleH;
    // End labels name each line at its last point, so a second legend is not needed.
    const right = panel.endLabels ? (ctx.narrow ? 70 : 100) : 12;
    option.grid.push({ ...box, right: row ? undefined : right, top: gridTop, height: gridH,
      outerBounds: { ...box, top: gridTop, height: gridH } });
    const valueAx = { ...valueAxis(ctx, { percent: panel.percent, log: panel.log, fmt: panel.fmt }), gridIndex: i };
    if (panel.horizontal) {
      // Ranked bars read top-down: largest first, names on the left where they fit.
      option.yAxis.push({ type: 'category', gridIndex: i, data: panel.categories, inverse: true, triggerEvent: true,
        axisPointer: { type: 'shadow', shadowStyle: { color: ctx.theme.grid, opacity: 0.35 } },
        axisTick: { show: false }, axisLine: { lineStyle: { color: ctx.theme.grid } },
        axisLabel: { color: ctx.theme.text, formatter: panel.catLabel, width: ctx.narrow ? 96 : 150, overflow: 'truncate' } });
      option.xAxis.push({ ...valueAx, splitNumber: ctx.narrow ? 3 : 5 });
    } else {
      let x;
      if (panel.xKind === 'month') {
        x = monthAxis(ctx, panel.x, { gridIndex: i, boundaryGap: panel.series.some((s) => s.type === 'bar') });
      } else if (panel.xKind === 'value') {
        x = { ...valueAxis(ctx, { percent: panel.xPercent, fmt: panel.xFmt }), gridIndex: i, name: panel.xName,
          nameLocation: 'middle', nameGap: 24, splitLine: { show: false } };
      } else {
        x = { type: 'category', gridIndex: i, data: panel.x, axisTick: { show: false },
          axisLine: { lineStyle: { color: ctx.theme.grid } },
          axisLabel: { color: ctx.theme.muted, hideOverlap: true, formatter: panel.xLabel } };
      }
      option.xAxis.push(x);
      option.yAxis.push(valueAx);
    }
    const fmt = panel.fmt ?? (panel.percent ? share : compact);
    for (const s of panel.series) option.series.push(seriesOf(s, i, fmt, panel.endLabels && ctx));
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
  if (panels.every(isEmpty)) {
    option.graphic = [{ type: 'text', left: 'center', top: 'middle', silent: true,
      style: { text: 'No data for this selection', fill: ctx.theme.muted, fontSize: 15, fontFamily: ctx.theme.font } }];
  }
  return { option, height: top - GAP + 8, ...picksOf(panels) };
}

const valueIn = (d) => (Array.isArray(d) ? d[d.length - 1] : d && typeof d === 'object' ? d.value : d);
const isEmpty = (panel) => panel.series.every((s) => !Array.isArray(s.data) || !s.data.some((d) => Number(valueIn(d)) > 0));

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

function seriesOf(s, gridIndex, fmt, endLabelCtx) {
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
  if (endLabelCtx && base.type === 'line') {
    base.endLabel = { show: true, formatter: (p) => p.seriesName, color: endLabelCtx.theme.text, fontSize: 11,
      width: endLabelCtx.narrow ? 64 : 94, overflow: 'truncate' };
    base.labelLayout = { moveOverlap: 'shiftY' };
  }
  base.tooltip = { valueFormatter: fmt };
  return base;
}
