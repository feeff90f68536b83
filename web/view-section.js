// One report view on the page: heading, one-line reading, chart/table tabs, export and embed buttons.
// The chart option comes from the view's pure build(state, slice, ctx); this file owns the ECharts instance.
import * as echarts from './echarts.js';
import { h, clear } from './dom.js';
import { renderTable } from './table.js';

let uid = 0;

export class ViewSection {
  /** hooks: {onPick({key, value}), onPng(section), onCsv(section), onEmbed(section)} */
  constructor(view, number, hooks) {
    this.view = view;
    this.hooks = hooks;
    this.slice = null;
    this.built = null;
    this.chart = null;
    this.picture = null; // a build-time picture shown instead of the chart (showPicture)
    const id = `v-${view.name}-${++uid}`;
    this.tabs = {
      chart: h('button', { type: 'button', role: 'tab', id: `${id}-tab-chart`, 'aria-controls': `${id}-chart`, 'aria-selected': 'true' }, 'Chart'),
      table: h('button', { type: 'button', role: 'tab', id: `${id}-tab-table`, 'aria-controls': `${id}-table`, 'aria-selected': 'false', tabindex: '-1' }, 'Table'),
    };
    this.chartBox = h('div', { class: 'chart' });
    this.panels = {
      chart: h('div', { role: 'tabpanel', id: `${id}-chart`, 'aria-labelledby': `${id}-tab-chart`, class: 'panel' }, this.chartBox),
      table: h('div', { role: 'tabpanel', id: `${id}-table`, 'aria-labelledby': `${id}-tab-table`, class: 'panel', hidden: true, tabindex: '0' }),
    };
    this.reading = h('p', { class: 'reading' });
    this.extra = h('div', { class: 'view-controls' });
    this.note = h('p', { class: 'view-note', hidden: true });
    this.source = h('p', { class: 'view-source' });
    this.embedBox = h('div', { class: 'embed-box', hidden: true });
    const heading = h('h2', { id: `${id}-title` }, number ? h('span', { class: 'view-number' }, `${number}.`) : null, ` ${view.title}`);
    this.el = h('section', { class: 'view', 'data-view': view.name, id: view.name, 'aria-labelledby': `${id}-title` },
      h('header', { class: 'view-head' }, heading, h('p', { class: 'view-question' }, view.question)),
      this.reading,
      h('div', { class: 'view-bar' },
        h('div', { role: 'tablist', 'aria-label': `${view.title}: show as`, class: 'tabs' }, this.tabs.chart, this.tabs.table),
        this.extra),
      this.panels.chart, this.panels.table, this.note,
      h('footer', { class: 'view-foot' }, this.source,
        h('div', { class: 'view-actions', role: 'group', 'aria-label': `${view.title}: export` },
          h('button', { type: 'button', class: 'btn-small', onclick: () => hooks.onPng(this) }, 'Download PNG'),
          h('button', { type: 'button', class: 'btn-small', onclick: () => hooks.onCsv(this) }, 'Download CSV'),
          h('button', { type: 'button', class: 'btn-small btn-embed', 'aria-expanded': 'false', onclick: (e) => hooks.onEmbed(this, e.currentTarget) },
            'Embed'))),
      this.embedBox);
    for (const [name, tab] of Object.entries(this.tabs)) {
      tab.addEventListener('click', () => this.select(name));
      tab.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          const next = name === 'chart' ? 'table' : 'chart';
          this.select(next);
          this.tabs[next].focus();
        }
      });
    }
  }

  async select(which) {
    for (const [name, tab] of Object.entries(this.tabs)) {
      const on = name === which;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      this.panels[name].hidden = !on;
    }
    // A stale view is brought up to date (its slice asked of the engine if need be) before its numbers are shown.
    await this.hooks.onShow?.(this);
    if (which === 'table') this.renderTable();
    else this.chart?.resize();
  }

  renderTable() {
    if (!this.slice || this.tableFor === this.slice) return;
    this.tableFor = this.slice;
    renderTable(this.panels.table, this.slice, { caption: `${this.view.title}: the numbers behind the chart`,
      onPick: this.hooks.onPick });
  }

  /** Shows a build-time picture of the view (pictures.js) until draw() replaces it with the live chart; resolves
   *  whether the picture could be shown. Its text was made by the same view code, and goes in as text. */
  showPicture(state, slice, picture) {
    this.slice = slice;
    this.state = state;
    this.built = null;
    this.reading.textContent = picture.reading;
    this.note.textContent = picture.note;
    this.note.hidden = !picture.note;
    this.chartBox.style.height = `${picture.height}px`;
    // An <img>, not inline SVG: whatever its text, a picture cannot become part of the page.
    this.pictureUrl = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
    this.picture = h('img', { class: 'chart-picture', src: this.pictureUrl, alt: '' });
    this.chartBox.append(this.picture);
    this.chartBox.setAttribute('role', 'img');
    this.chartBox.setAttribute('aria-label', `${this.view.title}. ${picture.reading}`);
    this.el.dataset.drawn = 'picture';
    this.el.dataset.empty = String(Boolean(picture.empty));
    return this.picture.decode().then(() => true, () => false);
  }

  dropPicture() {
    if (!this.picture) return;
    this.picture.remove();
    URL.revokeObjectURL(this.pictureUrl);
    this.picture = null;
  }

  /** Draws the view for a new state/slice (or the same ones in a new theme or width). */
  draw(state, slice, ctx) {
    this.dropPicture();
    this.slice = slice;
    this.state = state;
    let text;
    try {
      this.built = this.view.build(state, slice, ctx);
      text = this.view.reading(state, slice, ctx);
    } catch (err) {
      // One malformed slice must not take the other views down with it.
      console.error(`view ${this.view.name}:`, err);
      this.built = null;
      text = `This view could not be drawn: ${err.message}.`;
    }
    this.reading.textContent = text;
    this.note.textContent = this.built?.note ?? '';
    this.note.hidden = !this.note.textContent;
    if (!this.built) {
      this.chart?.clear();
      this.el.dataset.drawn = 'error';
      return;
    }
    const height = `${Math.round(this.built.height)}px`;
    if (this.chartBox.style.height !== height) this.chartBox.style.height = height;
    if (!this.chart) {
      this.chart = echarts.init(this.chartBox, null, { renderer: 'canvas' });
      this.chart.on('click', (p) => this.onChartClick(p));
      this.chart.on('legendselectchanged', (p) => this.onLegend(p));
    } else if (this.boxChanged()) {
      // Only when the box changed: a resize re-renders the old option, which setOption then replaces anyway.
      this.chart.resize();
    }
    if (ctx.animate === false) this.built.option.animation = false;
    this.chart.setOption(this.built.option, { notMerge: true });
    this.chartBox.setAttribute('role', 'img');
    this.chartBox.setAttribute('aria-label', `${this.view.title}. ${text}`);
    if (!this.panels.table.hidden) this.renderTable();
    this.el.dataset.drawn = 'true';
    this.el.dataset.empty = String(Boolean(this.built.empty)); // test hook: the chart says "No data"
  }

  onChartClick(p) {
    const pick = this.pickOf(p);
    if (pick) this.hooks.onPick(pick);
  }

  pickOf(p) {
    const b = this.built;
    if (!b) return null;
    if (p.componentType === 'series') return p.data?.pick ?? b.seriesPick?.get(p.seriesId) ?? null;
    if ((p.componentType === 'yAxis' || p.componentType === 'xAxis') && b.axisDims) {
      const dim = b.axisDims[p.componentIndex];
      return dim && p.value != null ? { key: dim, value: String(p.value) } : null;
    }
    return null;
  }

  // Legend clicks filter instead of hiding series: put the item back at once, then filter.
  onLegend(p) {
    this.chart.dispatchAction({ type: 'legendSelect', name: p.name });
    const pick = this.built?.legendPick?.get(p.name);
    if (pick) this.hooks.onPick(pick);
  }

  setSource(text) {
    this.source.textContent = text;
  }

  /** Whether the chart's box (shown) has another size than the chart was drawn at. */
  boxChanged() {
    const box = this.chartBox;
    return Boolean(this.chart) && box.clientWidth > 0
      && (this.chart.getWidth() !== box.clientWidth || this.chart.getHeight() !== box.clientHeight);
  }

  /** A resize re-renders the whole chart: only when its box changed size. */
  resize() {
    if (this.boxChanged()) this.chart.resize();
  }

  dispose() {
    this.dropPicture();
    this.chart?.dispose();
    this.chart = null;
    clear(this.chartBox);
  }
}
