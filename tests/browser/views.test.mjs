// Chart options without a browser, on the fixture slices: the snapshot's partial month, geography's unknown
// country, the families legend and empty views.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from './lib.mjs';
import * as S from '../../web/state.js';
import { partialMonth } from '../../web/charts/common.js';
import { VIEWS } from '../../web/charts/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const slices = JSON.parse(fs.readFileSync(path.join(here, 'fixtures/views-synthetic.json'), 'utf8'));
const theme = { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff', bg: '#fff', accent: '#36c', accent2: '#e45', font: 'sans-serif' };
const view = (name) => VIEWS.find((v) => v.name === name);
// The fixture's last month is Feb 2026: a snapshot of 10 Feb leaves it partial, one of 28 Feb does not.
const PARTIAL = { theme, narrow: false, width: 900, snapshotDate: '2026-02-10' };
const WHOLE = { ...PARTIAL, snapshotDate: '2026-02-28' };
const build = (name, ctx, query = 's=x', slice = slices[name]) => view(name).build(S.read(query), structuredClone(slice), ctx);
const lastOf = (s) => s.data[s.data.length - 1];
const valueOf = (d) => (d && typeof d === 'object' ? d.value : d);

export const tests = {
  async 'cumulative growth draws the engine\'s running totals as they are'() {
    // With cum=1 the engine's growth slice already holds running totals: the chart must not add them up again.
    const monthly = slices.growth;
    const run = { model: 0, dataset: 0, space: 0 };
    const rows = monthly.rows.filter((r) => r[0] != null).map((r) => [r[0], ...['model', 'dataset', 'space'].map((t, k) => (run[t] += Number(r[k + 1]) || 0))]);
    const cum = { ...monthly, rows };
    const out = build('growth', WHOLE, 's=x&v=2&cum=1', cum);
    const models = out.option.series.find((x) => x.id === 'type|model');
    assert(valueOf(lastOf(models)) === rows.at(-1)[1], `last model total ${valueOf(lastOf(models))}, slice says ${rows.at(-1)[1]}`);
    const reading = view('growth').reading(S.read('s=x&v=2&cum=1'), cum, WHOLE);
    const total = rows.at(-1).slice(1).reduce((a, b) => a + b, 0);
    assert(/had been created by the end of Feb 2026/.test(reading), `reading: ${reading}`);
    assert(reading.startsWith(new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(total)), `reading: ${reading} (total ${total})`);
  },

  async 'the partial month is the snapshot month unless taken on its last day'() {
    const cases = [['2026-03-15', '2026-03'], ['2026-04-30', null], ['2024-02-29', null], ['2026-02-28', null],
      ['2026-12-01', '2026-12'], [null, null], ['March 2026', null]];
    for (const [date, want] of cases) assert(partialMonth({ snapshotDate: date }) === want, `${date}: ${partialMonth({ snapshotDate: date })}`);
  },

  async 'monthly counts of new repositories leave the partial month out and say so'() {
    // [view, index of the monthly panel's x axis]
    for (const [name, axis] of [['growth', 0], ['tasks', 0], ['families', 1], ['sdks', 0]]) {
      const cut = build(name, PARTIAL);
      const months = cut.option.xAxis[axis].data;
      assert(!months.includes('2026-02') && months.includes('2026-01'), `${name}: axis ends ${months.at(-1)}`);
      assert(/leaves out Feb 2026/.test(cut.note) && /10 Feb 2026/.test(cut.note), `${name}: note "${cut.note}"`);
      const whole = build(name, WHOLE);
      assert(whole.option.xAxis[axis].data.includes('2026-02'), `${name}: a complete month was cut`);
      assert(!whole.note, `${name}: note for a complete month: ${whole.note}`);
    }
  },

  async 'share panels end new repositories in a gap but keep downloads'() {
    for (const name of ['licenses', 'libraries', 'sectors', 'sizes']) {
      const built = build(name, PARTIAL);
      const repoPanel = name === 'sectors' ? 1 : 0;
      const dlPanel = name === 'sectors' ? 0 : 1;
      const of = (i) => built.option.series.filter((s) => s.xAxisIndex === i);
      assert(of(repoPanel).every((s) => lastOf(s) === null), `${name}: new repositories drawn for the partial month`);
      assert(of(dlPanel).some((s) => lastOf(s) > 0), `${name}: downloads lost the partial month`);
      assert(built.option.xAxis[repoPanel].data.at(-1) === built.option.xAxis[dlPanel].data.at(-1), `${name}: months do not line up`);
      assert(/Download shares include it/.test(built.note), `${name}: note "${built.note}"`);
    }
  },

  async 'readings count new repositories over complete months'() {
    const growth = view('growth').reading(S.read('s=x'), slices.growth, PARTIAL);
    assert(/to Jan 2026/.test(growth), growth);
    const lic = view('licenses').reading(S.read('s=x'), slices.licenses, PARTIAL);
    assert(/created from Sep 2025 to Jan 2026 and .* of downloads from Sep 2025 to Feb 2026/.test(lic), lic);
  },

  async 'geography bars leave out unknown countries with a note'() {
    const built = build('geography', PARTIAL);
    const bars = built.option.series.filter((s) => s.xAxisIndex === 1);
    assert(bars.length && !bars.some((s) => /Unknown/.test(s.name)), `bars: ${bars.map((s) => s.name)}`);
    assert(built.option.series.some((s) => s.xAxisIndex === 0 && /Unknown/.test(s.name)), 'downloads lost unknown');
    assert(/count only the [\d.]+K? repositories \([\d.]+%\) whose publisher country is known; the other [\d.]+K? have no known/
      .test(built.note), built.note);
    // Bars plus the unknown count give back every repository.
    const slice = slices.geography;
    const [ci, ri] = ['country', 'repos'].map((c) => slice.columns.indexOf(c));
    const all = slice.rows.reduce((n, r) => n + r[ri], 0);
    const unknown = slice.rows.filter((r) => r[ci] === 'unknown').reduce((n, r) => n + r[ri], 0);
    const drawn = bars.reduce((n, s) => n + s.data.reduce((a, b) => a + b, 0), 0);
    assert(drawn + unknown === all && unknown > 0, `${drawn} + ${unknown} != ${all}`);
    const chosen = build('geography', PARTIAL, 's=x&country=unknown');
    assert(chosen.option.series.some((s) => s.xAxisIndex === 1 && /Unknown/.test(s.name)), 'a chosen unknown was left out');
    const reading = view('geography').reading(S.read('s=x'), slice, PARTIAL);
    assert(/of downloads from publishers of known country/.test(reading) && /unknown for [\d.]+% of all downloads/.test(reading), reading);
  },

  async 'families lines are named by a legend, not end labels'() {
    for (const narrow of [false, true]) {
      const built = build('families', { ...PARTIAL, narrow, width: narrow ? 340 : 900 });
      const lines = built.option.series.filter((s) => s.type === 'line');
      assert(lines.length >= 2 && lines.every((s) => !s.endLabel), 'end labels are back');
      const own = built.option.legend.find((l) => lines.every((s) => l.data.includes(s.name)));
      assert(own, `no legend names the lines: ${JSON.stringify(built.option.legend.map((l) => l.data))}`);
      assert(own.top > built.option.grid[0].top + built.option.grid[0].height, 'the lines legend is not under the bars');
      assert(own.top < built.option.grid[1].top, 'the lines legend overlaps its chart');
    }
  },

  async 'empty views say so in a small box; an empty panel among full ones too'() {
    for (const v of VIEWS) {
      if (v.name === 'headline') continue;
      const built = build(v.name, PARTIAL, 's=x', { ...slices[v.name], rows: [] });
      const text = (built.option.graphic ?? []).map((g) => g.style?.text).join();
      assert(built.empty && /No data/.test(text) && built.height <= 120, `${v.name}: ${text} ${built.height}`);
      assert(!built.note, `${v.name}: a note on an empty chart: ${built.note}`);
    }
    const head = slices.headline.rows.map((r) => [r[0], ['models', 'datasets', 'spaces', 'repositories', 'downloads'].includes(r[0]) ? 0 : r[1]]);
    const empty = { ...slices.headline, rows: head };
    assert(build('headline', PARTIAL, 's=x', empty).empty, 'headline with no repositories is not empty');
    assert(/^No repositories/.test(view('headline').reading(S.read('s=x'), empty, PARTIAL)), 'headline reading');
    // Sectors with downloads but no new repositories: the repositories panel shrinks to a "No data" line.
    const si = slices.sectors.columns.indexOf('repos');
    const noRepos = { ...slices.sectors, rows: slices.sectors.rows.map((r) => r.map((x, i) => (i === si ? 0 : x))) };
    const built = build('sectors', PARTIAL, 's=x', noRepos);
    assert(!built.empty && built.option.xAxis[1].show === false && built.option.graphic.length === 1, 'empty panel not marked');
    assert(built.option.series.every((s) => s.xAxisIndex === 0 && s.data.some((d) => valueOf(d) > 0)), 'empty panel drew series');
  },
};
