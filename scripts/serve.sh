#!/usr/bin/env bash
# Quick start, step 1: build everything, then serve the report on the default snapshot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs build/site --port "${PORT:-8080}"
