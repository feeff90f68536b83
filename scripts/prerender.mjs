// Pictures of the default view for the page's first paint: every view of the site's default snapshot, built from its
// precomputed views file by the page's own view code (web/charts) and drawn by ECharts' server-side SVG renderer,
// at the desktop chart width, once per theme. Drawing the twelve charts live is most of a page open on a 2-core
// machine (ECharts' code running for the first time); the page shows these pictures at once and turns each into its
// live chart when the reader points at it, when it comes near, or in idle time once the engine has loaded (main.js).
// Usage: node scripts/prerender.mjs SITE_DIR   (writes SITE_DIR/pictures-light.json.gz and pictures-dark.json.gz)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { use, init, setPlatformAPI } from 'echarts/core';
import { platformApi } from 'zrender/lib/core/platform.js';
import { SVGRenderer } from 'echarts/renderers';
import '../web/echarts.js'; // the chart and component types the page registers
import { VIEWS } from '../web/charts/index.js';
import { chartContext } from '../web/charts/context.js';
import { themeFrom } from '../web/theme.js';
import { PICTURES_FORMAT, DESKTOP_CHART_WIDTH, picturesFile } from '../web/pictures.js';
import * as S from '../web/state.js';

use([SVGRenderer]);

// Without a canvas, zrender estimates text widths from a table of Helvetica-like advances, which ignores weight. In
// this machine's Chromium the page's system-ui text measured, against that estimate, 1.11 times in the median and
// under 1.15 for 90% of the 427 regular labels of the default view (short ones like "<1" up to 1.29: a few pixels),
// and 1.22-1.30 times for the 25 bold titles. Scaled by those, a picture's legends and labels are laid out with room
// to spare rather than overlapping; the live chart that replaces it measures for real.
const estimate = platformApi.measureText;
setPlatformAPI({
  measureText: (text, font) => ({ width: estimate(text, font).width * (/\b[6-9]00\b|bold/.test(font ?? '') ? 1.31 : 1.16) }),
});

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node scripts/prerender.mjs SITE_DIR');
  process.exit(2);
}

/** The custom properties of style.css's light :root block and of its dark-scheme one over it. */
function cssThemes(css) {
  const props = (block) => Object.fromEntries([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
  const light = css.match(/^:root\s*\{([^}]*)\}/m);
  const dark = css.match(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/);
  if (!light || !dark) throw new Error('style.css: no light or dark :root block');
  const lightProps = props(light[1]);
  const darkProps = { ...lightProps, ...props(dark[1]) };
  return { light: themeFrom(false, (n) => lightProps[n] ?? ''), dark: themeFrom(true, (n) => darkProps[n] ?? '') };
}

const index = JSON.parse(fs.readFileSync(path.join(siteDir, 'snapshots/index.json'), 'utf8'));
const snapDir = path.join(siteDir, 'snapshots', index.default);
const manifest = JSON.parse(fs.readFileSync(path.join(snapDir, 'manifest.json'), 'utf8'));
const viewsFile = manifest.files.find((f) => f.role === 'views');
if (!viewsFile) {
  console.log(`prerender: ${index.default} has no precomputed views; no pictures`);
  process.exit(0);
}
const slices = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(snapDir, viewsFile.path))));
const state = S.read(manifest.default_state);
const themes = cssThemes(fs.readFileSync(path.join(siteDir, 'style.css'), 'utf8'));

for (const [name, theme] of Object.entries(themes)) {
  const ctx = chartContext({ theme, narrow: false, width: DESKTOP_CHART_WIDTH, manifest });
  const views = {};
  for (const v of VIEWS) {
    const slice = slices[v.name];
    if (!slice) continue;
    const built = v.build(state, slice, ctx);
    const height = Math.round(built.height);
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: DESKTOP_CHART_WIDTH, height });
    chart.setOption({ ...built.option, animation: false });
    // zrender writes the font into a double-quoted style attribute as it is: quoted family names ("Segoe UI")
    // would end the attribute and make the picture unreadable, so they are single-quoted here.
    const svg = chart.renderToSVGString().split(theme.font).join(theme.font.replaceAll('"', "'"));
    views[v.name] = { height, svg, reading: v.reading(state, slice, ctx), note: built.note ?? '',
      empty: Boolean(built.empty) };
    chart.dispose();
  }
  const file = { format: PICTURES_FORMAT, snapshot: index.default, views_sha256: viewsFile.sha256, state: manifest.default_state,
    ctx, views };
  const out = path.join(siteDir, picturesFile(name));
  fs.writeFileSync(out, zlib.gzipSync(JSON.stringify(file), { level: 9 }));
  console.log(`prerender: ${path.basename(out)} ${(fs.statSync(out).size / 1024).toFixed(0)} KiB, ${Object.keys(views).length} views`);
}
