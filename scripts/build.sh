#!/usr/bin/env bash
# Builds everything into build/: the native command line and tests, the wasm module and its tests, the default
# synthetic snapshot, and the deployable static site in build/site/.
# HUBREPORT_SCALE (default 1.0) scales the default snapshot, e.g. 0.05 for a quick local build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs   # emscripten's JS optimizer needs Debian's acorn

echo "build: native"
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build/native

echo "build: wasm"
if [ ! -f build/wasm/build.ninja ]; then
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
fi
ninja -C build/wasm

bash scripts/make-default-snapshot.sh

echo "build: site"
site=build/site
mkdir -p "$site"
# Everything but the snapshots is rebuilt: nothing of an earlier build stays behind.
find "$site" -mindepth 1 -maxdepth 1 ! -name snapshots -exec rm -rf {} +
node scripts/bundle-site.mjs web "$site"
cp build/wasm/hubreport.js build/wasm/hubreport.wasm "$site/"
node scripts/prerender.mjs "$site"   # the default view's pictures for the first paint (web/pictures.js)
if [ -f web/vendor.txt ]; then
  # Lines "node_modules-relative-path destination-name": third-party files the page serves itself (no CDN).
  while read -r src dest; do
    [ -z "${src:-}" ] || [ "${src:0:1}" = "#" ] && continue
    mkdir -p "$site/$(dirname "$dest")"
    cp "node_modules/$src" "$site/$dest"
  done < web/vendor.txt
fi
echo "build: done; site in $site"
