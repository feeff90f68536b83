// Builds the page's scripts into the site: esbuild bundles web/'s modules (and the parts of ECharts that web/echarts.js
// names) into the four entry points the page and its workers load by name, plus shared chunks, and index.html gets a
// modulepreload link for every chunk the page needs. Bundled, the page's modules arrive in one round instead of one
// round per level of imports, and only the ECharts code the views use is downloaded and compiled.
// Usage: node scripts/bundle-site.mjs WEB_DIR SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const [webDir, siteDir] = process.argv.slice(2);
if (!webDir || !siteDir) {
  console.error('usage: node scripts/bundle-site.mjs WEB_DIR SITE_DIR');
  process.exit(2);
}
// The page's entry points and the two workers', loaded by these names (index.html, early.js, worker.js).
const ENTRIES = ['early.js', 'main.js', 'worker.js', 'unpack-worker.js'];
const PAGE = ['early.js', 'main.js'];

const common = { bundle: true, format: 'esm', minify: true, target: 'es2022', outdir: siteDir, metafile: true, logLevel: 'warning' };
// The page's two scripts share one instance of early.js's engine client: their shared code goes into chunks, which
// sit beside the entries (their code resolves worker.js and hubreport.js against its own URL).
const result = await esbuild.build({ ...common, entryPoints: PAGE.map((e) => path.join(webDir, e)), splitting: true,
  chunkNames: 'chunk-[hash]' });
// Each worker is one file: a worker's imports are fetched only once its script has run, a round trip on the way to
// the engine.
const workers = await esbuild.build({ ...common, entryPoints: ENTRIES.filter((e) => !PAGE.includes(e)).map((e) => path.join(webDir, e)) });
Object.assign(result.metafile.outputs, workers.metafile.outputs);

// Every chunk the page reaches from its two scripts, through static and dynamic imports.
const outputs = result.metafile.outputs;
const key = (name) => Object.keys(outputs).find((o) => path.basename(o) === name);
const needed = new Set();
const visit = (out) => {
  for (const imp of outputs[out].imports) {
    if (imp.external || needed.has(imp.path)) continue;
    needed.add(imp.path);
    visit(imp.path);
  }
};
for (const e of PAGE) visit(key(e));
const links = [...needed].map((o) => path.basename(o)).filter((f) => !ENTRIES.includes(f)).sort()
  .map((f) => `  <link rel="modulepreload" href="${f}">`).join('\n');

const MARK = '  <!-- modulepreload links: scripts/bundle-site.mjs -->';
const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
if (!html.includes(MARK)) throw new Error(`${webDir}/index.html has no line "${MARK.trim()}"`);
fs.writeFileSync(path.join(siteDir, 'index.html'), html.replace(MARK, links));

// The rest of web/ (styles, icons) as it is; its modules are in the bundle.
for (const f of fs.readdirSync(webDir, { withFileTypes: true })) {
  if (f.isFile() && !/\.(m?js|txt|html)$/.test(f.name)) fs.copyFileSync(path.join(webDir, f.name), path.join(siteDir, f.name));
}
const kb = (o) => `${(outputs[o].bytes / 1024).toFixed(0)} KiB`;
console.log(`bundle: ${ENTRIES.map((e) => `${e} ${kb(key(e))}`).join(', ')}; ${needed.size} chunks preloaded`);
