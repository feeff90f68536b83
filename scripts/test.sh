#!/usr/bin/env bash
# Quick start, step 2: build everything and run every test: native and wasm unit tests, native/wasm parity,
# the independent check of the real samples, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export NODE_PATH=/usr/share/nodejs
failed=0
step() { echo; echo "== $*"; "$@" || { echo "FAILED: $*"; failed=$((failed + 1)); }; }
step ctest --test-dir build/native --output-on-failure
step ctest --test-dir build/wasm --output-on-failure
step node --no-experimental-fetch tests/wasm/parity.mjs
step node tests/verify/real_samples.mjs
# The default snapshot reproduces the report's published figures (counts scaled with HUBREPORT_SCALE).
step build/native/hubreport calibrate build/site/snapshots/synthetic-2026-03 --scale "${HUBREPORT_SCALE:-1.0}"
if [ -f tests/browser/run.mjs ]; then step node tests/browser/run.mjs build/site; fi
echo
if [ "$failed" -ne 0 ]; then echo "test: $failed step(s) failed"; exit 1; fi
echo "test: every step passed"
