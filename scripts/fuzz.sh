#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a set time.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=1200] [TARGET...]   targets: state_fuzz ingest_fuzz snapshot_fuzz
# Crashing inputs are written to build/fuzz/findings/<target>/; keep each as a regression test in
# tests/fuzz_regressions/<kind>/ (tests/unit/fuzz_regressions_test.cpp runs them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v clang++ >/dev/null || { echo "fuzz: needs clang++ (apt-get install clang)"; exit 1; }
seconds="${1:-1200}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(state_fuzz ingest_fuzz snapshot_fuzz)
CXX=clang++ cmake -S fuzz -B build/fuzz -G Ninja >/dev/null
ninja -C build/fuzz
for t in "${targets[@]}"; do
  kind="${t%_fuzz}"
  corpus="build/fuzz/corpus/$t"
  findings="build/fuzz/findings/$t"
  mkdir -p "$corpus" "$findings"
  # Seeds: the fixtures and the earlier crashes.
  case "$kind" in
    ingest) cp tests/fixtures/small/*.jsonl tests/fixtures/dumps/*.jsonl "$corpus/" ;;
    state) printf 's=x&country=CN~US&from=2024-01&org=Qwen%%20x&cum=1&view=orgs' > "$corpus/seed" ;;
  esac
  cp tests/fuzz_regressions/"$kind"/* "$corpus/" 2>/dev/null || true
  echo "fuzz: $t for $seconds s"
  (cd "$findings" && "../../$t" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "../../corpus/$t") 2>&1 |
    grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done" || true
done
