// Pure modules, without a browser: the URL helpers, formatting, escaping tooltips, and every view's
// option builder and reading on a fixture of slices (made by a synthetic generator, shaped per docs/contracts.md §2).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from './lib.mjs';
import * as S from '../../web/state.js';
import * as F from '../../web/format.js';
import { tooltipFormatter, escapeHtml } from '../../web/charts/common.js';
import { VIEWS } from '../../web/charts/index.js';
import { namesOf, EngineClient } from '../../web/engine-client.js';
import { unpackGzip } from '../../web/unpack.js';
import zlib from 'node:zlib';
import '../../web/echarts.js'; // registers the ECharts parts the page's bundle has
import { ComponentModel } from 'echarts/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const slices = JSON.parse(fs.readFileSync(path.join(here, 'fixtures/views-synthetic.json'), 'utf8'));
const theme = { text: '#111', muted: '#555', grid: '#ddd', surface: '#fff', bg: '#fff', accent: '#36c', accent2: '#e45', font: 'sans-serif' };
const EVIL = '<img src=x onerror=alert(1)>';

export const tests = {
  async 'a snapshot file unpacks to exactly the size its manifest gives, or is refused saying why'() {
    const text = 'x'.repeat(100000);
    const gz = zlib.gzipSync(text);
    assert(Buffer.from(await unpackGzip('rows-0001.json.gz', gz, text.length)).toString() === text, 'wrong text');
    const refusal = (raw, bytes = gz) => unpackGzip('rows-0001.json.gz', bytes, raw).then(() => 'no refusal', (e) => `${e.kind}: ${e.message}`);
    const cases = [
      [await refusal(text.length - 1), /^corrupt: .*rows-0001.*more bytes than its manifest/],
      [await refusal(text.length + 1), /^corrupt: .*unpacks to 100000 bytes, not 100001/],
      [await refusal(2 ** 45), /^corrupt: .*claims to unpack to 35184372088832 bytes/],
      [await refusal(10, Buffer.from('not gzip at all')), /^corrupt: .*not valid gzip/],
    ];
    for (const [said, want] of cases) assert(want.test(said), said);
  },
  async 'URL state helpers set and remove keys'() {
    let q = 's=snap&country=CN';
    q = S.toggle(q, 'country', 'US');
    assert(q === 's=snap&country=CN~US', q);
    q = S.toggle(q, 'country', 'CN');
    assert(q === 's=snap&country=US', q);
    q = S.withKey(q, 'org', ['a~b', 'c d']);
    assert(q.endsWith('org=a%7Eb~c%20d'), q);
    assert(JSON.stringify(S.getList(q, 'org')) === '["a~b","c d"]', S.getList(q, 'org'));
    assert(S.withoutFilters(`${q}&from=2025-01&cum=1`) === 's=snap&cum=1', S.withoutFilters(`${q}&from=2025-01&cum=1`));
    assert(S.keyNamedIn("bad value for 'from': expected a month") === 'from');
    assert(S.read('s=x&type=model~space').type.length === 2);
  },

  async 'formatting'() {
    assert(F.month('2025-01') === 'Jan 2025');
    assert(F.share(0.41) === '41%' && F.share(0.496) === '49.6%' && F.share(0.365) === '36.5%', F.share(0.365));
    assert(F.compact(1_234_567) === '1.2M', F.compact(1_234_567));
    assert(F.params(20.8e9) === '20.8B' && F.params(827e6) === '827M');
    assert(F.addMonths('2025-01', -1) === '2024-12');
  },

  async 'counts are formatted as Intl.NumberFormat would, without constructing one'() {
    // web/format.js formats by hand (Intl's compact format costs the page's open 35-50 ms to construct).
    const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
    const int = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    const values = [0, 1, 2.5, -2.5, 0.5, 999.4, 999.5, 1000, 1049, 1050, 1250, -1250, 99950, 999949, 999950, 1e6,
      999950000, 1.5e12, 999.95e12, 1.5e15, 1.2345e18];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      const x = Math.floor(next() * 10 ** Math.floor(next() * 16));
      const ties = 10 ** Math.max(0, String(x).length - 3); // 12345 -> 12300 and 12350: the rounding's edges
      values.push(x, -x, Math.round(x / ties) * ties, Math.round(x / ties) * ties + ties / 2, Math.round(next() * 1e6) / 100);
    }
    for (const n of values.filter((v) => !Object.is(v, -0))) { // Intl writes -0 as "-0"; the page writes "0"
      const want = Math.abs(n) < 1000 ? int.format(n) : compact.format(n);
      assert(F.compact(n) === want, `compact(${n}) = ${F.compact(n)}, Intl says ${want}`);
      assert(F.integer(n) === int.format(n), `integer(${n}) = ${F.integer(n)}, Intl says ${int.format(n)}`);
    }
    assert(F.integer(-0.4) === '0' && F.compact(Infinity) === '–' && F.integer(null) === '–');
  },

  async 'tooltips escape names from the data'() {
    const html = tooltipFormatter()([{ seriesName: EVIL, value: 3, color: 'red" onmouseover="x', axisValueLabel: EVIL }]);
    assert(!html.includes('<img') && html.includes('&lt;img'), html);
    assert(!html.includes('onmouseover="x'), 'color attribute injected');
    assert(escapeHtml(`"'&`) === '&quot;&#39;&amp;');
  },

  async 'engine lists become names'() {
    assert(namesOf([{ org: 'Qwen', country: 'CN' }]).join() === 'Qwen');
    assert(namesOf([['apache-2.0', 10], ['mit', 3]]).join() === 'apache-2.0,mit');
  },

  async 'the link answered while opening is used once, for exactly its query, errors and all'() {
    // A client without its worker: what reaches `send` is what would have gone to the worker.
    const client = Object.create(EngineClient.prototype);
    const sent = [];
    client.loaded = false;
    client.send = async (op, args) => {
      sent.push(op === 'call' ? args.request.query : op);
      if (op === 'open') return { id: 'snap', firstState: { query: 's=snap&country=XX', error: { kind: 'request', message: 'country: unknown value "XX"' } } };
      return { data: { query: `${args.request.query}&v=2` } };
    };
    const opened = await client.open({ link: 'country=XX' });
    assert(opened.id === 'snap' && !('firstState' in opened), 'open resolves the opened snapshot only');
    assert((await client.state('s=snap&v=2')).query === 's=snap&v=2&v=2', 'another query is asked of the worker');
    const err = await client.state('s=snap&country=XX').then(() => null, (e) => e);
    assert(err && err.kind === 'request' && /country/.test(err.message), `the kept error keeps its kind: ${err?.kind}`);
    assert((await client.state('s=snap&country=XX')).query === 's=snap&country=XX&v=2', 'the kept answer is used once');
    assert(sent.join() === 'open,s=snap&v=2,s=snap&country=XX', `sent: ${sent.join()}`);
  },

  async 'every view uses only the ECharts parts web/echarts.js registers'() {
    // The page bundles ECharts with only those parts, and ECharts without its development checks skips an option
    // of an unregistered type without a word: the chart would simply lack it.
    const SETTINGS = new Set(['backgroundColor', 'textStyle', 'aria', 'color']); // not components (aria: AriaComponent)
    const missing = new Set();
    const check = (main, list) => {
      for (const c of Array.isArray(list) ? list : [list]) {
        if (!c || typeof c !== 'object') continue;
        const registered = ComponentModel.hasSubTypes(main) ? ComponentModel.getClass(main, c.type ?? defaultType(main))
          : ComponentModel.hasClass(main);
        if (!registered) missing.add(`${main}${c.type ? `.${c.type}` : ''}`);
        if (main === 'series') for (const k of ['markLine', 'markArea', 'markPoint']) if (c[k]) missing.add(`series ${k} (not registered)`);
      }
    };
    const defaultType = (main) => ({ legend: 'plain', xAxis: 'category', yAxis: 'value' }[main] ?? '');
    let checked = 0;
    for (const narrow of [false, true]) {
      const ctx = { theme, narrow, width: narrow ? 340 : 900 };
      for (const query of ['s=synthetic-2026-03', 's=synthetic-2026-03&from=2025-09&country=CN~US~unknown&sector=industry']) {
        for (const view of VIEWS) {
          const { option } = view.build(S.read(query), structuredClone(slices[view.name]), ctx);
          for (const [key, value] of Object.entries(option)) {
            if (SETTINGS.has(key) || value == null || typeof value !== 'object') continue;
            check(key, value);
            checked += 1;
          }
        }
      }
    }
    assert(checked > 100, `only ${checked} components checked`);
    assert(!missing.size, `used but not in web/echarts.js: ${[...missing].join(', ')}`);
    // The check itself tells a missing part: the full build's pie chart and data zoom are not in the page's.
    assert(!ComponentModel.getClass('series', 'pie') && !ComponentModel.hasClass('dataZoom'), 'the check cannot see a missing part');
  },

  async 'every view builds an option and a reading from its slice'() {
    for (const narrow of [false, true]) {
      const ctx = { theme, narrow, width: narrow ? 340 : 900 };
      const state = S.read('s=synthetic-2026-03&from=2025-09&country=CN~US~unknown&sector=industry');
      for (const view of VIEWS) {
        const slice = structuredClone(slices[view.name]);
        assert(slice, `fixture lacks ${view.name}`);
        // Names come from strangers: a hostile one must survive as plain text.
        if (view.name === 'orgs') slice.rows[0][0] = EVIL;
        const built = view.build(state, slice, ctx);
        assert(built.option && built.height > 50, `${view.name}: no option`);
        assert(Array.isArray(built.option.series) && built.option.series.length, `${view.name}: no series`);
        assert(built.option.aria?.enabled && built.option.aria.decal?.show, `${view.name}: aria/decal off`);
        const reading = view.reading(state, slice, ctx);
        assert(typeof reading === 'string' && reading.length > 15 && !/undefined|NaN/.test(reading), `${view.name}: reading "${reading}"`);
        JSON.stringify(built.option, (k, v) => (typeof v === 'function' ? undefined : v)); // no cycles
      }
    }
  },

  async 'empty slices read sensibly'() {
    const ctx = { theme, narrow: false, width: 900 };
    for (const view of VIEWS) {
      const slice = { ...slices[view.name], rows: [] };
      if (view.name === 'headline') continue; // the engine always answers every measure
      view.build({}, slice, ctx);
      const reading = view.reading({}, slice, ctx);
      assert(reading && !/undefined|NaN/.test(reading), `${view.name}: empty reading "${reading}"`);
    }
  },
};
