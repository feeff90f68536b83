#!/usr/bin/env bash
# The default snapshot: seeded synthetic Hub JSON through the real ingest path, into build/site/snapshots/.
# Rebuilt only when the command line or the scale changed.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${HUBREPORT_SCALE:-1.0}"
id="synthetic-2026-03"
out="build/site/snapshots/$id"
stamp="build/default-snapshot.stamp"
want="$(sha256sum build/native/hubreport | cut -c1-16) scale=$scale"
if [ -f "$out/manifest.json" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "build: default snapshot up to date ($want)"
  exit 0
fi
echo "build: default snapshot (synthetic, scale $scale)"
rm -rf build/synth "$out"
start=$SECONDS
build/native/hubreport synth -o build/synth --scale "$scale" --seed 42 --date 2026-03-15
build/native/hubreport build -o "$out" --id "$id" --kind synthetic \
  --provenance "Synthetic: hubreport synth --seed 42 --scale $scale, calibrated to the published figures of the Spring 2026 State of Open Source on Hugging Face report. Not real Hub data." \
  --models build/synth/models-*.jsonl --datasets build/synth/datasets-*.jsonl --spaces build/synth/spaces-*.jsonl
echo "build: default snapshot took $((SECONDS - start)) s"
rm -rf build/synth
build/native/hubreport index build/site/snapshots --default "$id"
echo "$want" > "$stamp"
