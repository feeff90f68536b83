// Builds the page's scripts into the site: esbuild bundles web/'s modules (and the parts of ECharts that web/echarts.js
// names) into the four scripts the page and its workers load by name, each one file. One file each, because a
// module's imports are fetched only once the module itself has arrived: bundled, the page's code arrives in one round
// instead of one per level of imports, and the small early.js starts the engine's worker before main.js (its
// charts, ECharts) has even arrived. Only the ECharts code the views use is downloaded and compiled.
// Usage: node scripts/bundle-site.mjs WEB_DIR SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const [webDir, siteDir] = process.argv.slice(2);
if (!webDir || !siteDir) {
  console.error('usage: node scripts/bundle-site.mjs WEB_DIR SITE_DIR');
  process.exit(2);
}
const ENTRIES = ['early.js', 'main.js', 'worker.js', 'unpack-worker.js'];

// main.js takes over early.js's engine client: it imports early.js as the page loaded it (one module instance,
// one worker), never a bundled copy.
const earlyStaysApart = {
  name: 'early-stays-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/early\.js$/ }, (args) => (path.basename(args.importer) === 'main.js'
      ? { path: './early.js', external: true } : undefined));
  },
};

const sizes = [];
for (const entry of ENTRIES) {
  const result = await esbuild.build({
    entryPoints: [path.join(webDir, entry)], bundle: true, format: 'esm', minify: true, target: 'es2022',
    outfile: path.join(siteDir, entry), metafile: true, logLevel: 'warning', plugins: [earlyStaysApart],
  });
  const out = Object.values(result.metafile.outputs)[0];
  sizes.push(`${entry} ${(out.bytes / 1024).toFixed(0)} KiB`);
}

// The rest of web/ (the page, styles, icons) as it is; its modules are in the bundles.
for (const f of fs.readdirSync(webDir, { withFileTypes: true })) {
  if (f.isFile() && !/\.(m?js|txt)$/.test(f.name)) fs.copyFileSync(path.join(webDir, f.name), path.join(siteDir, f.name));
}
console.log(`bundle: ${sizes.join(', ')}`);
