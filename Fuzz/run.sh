#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer + AddressSanitizer and runs each for SECONDS (default 600).
#   bash Fuzz/run.sh [SECONDS] [TARGET…]
# Crashes are written to Fuzz/artifacts/; each one found becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzSubmission FuzzCourse FuzzGradingInputs FuzzProgressImport)
swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
mkdir -p artifacts
for target in "${targets[@]}"; do
  mkdir -p "work/$target"
  echo "== $target for $seconds s"
  ../.build-fuzz/release/"$target" "work/$target" "corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -artifact_prefix="artifacts/$target-" -print_final_stats=1 2>&1 | tail -n 12
done
