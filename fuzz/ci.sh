#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS (default 30), from the committed seeds;
# exits non-zero when any target crashes, times out or runs out of memory.
#
#   fuzz/ci.sh [SECONDS]
#
# Needs a nightly toolchain (cargo-fuzz builds with sanitizers); installs cargo-fuzz when it is
# missing. Without nightly it says so and exits 0: fuzzing is then skipped, not failed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz/ci.sh: no nightly toolchain, so no fuzzing (rustup toolchain install nightly)."
  echo "fuzz/ci.sh: skipped; this is not a failure."
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

start=$(date +%s)
# The generator's own check and the replay of fixed reproducers.
cargo +nightly test --quiet
cargo +nightly fuzz build

# A scratch corpus per target: the committed seeds are read, and nothing is written beside them.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=()
for target in $(cargo +nightly fuzz list); do
  mkdir -p "$scratch/$target"
  dict=()
  if [ "$target" != differential ]; then dict=(-dict=dict); fi
  echo "== $target: ${seconds}s"
  if ! cargo +nightly fuzz run "$target" "$scratch/$target" "corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 "${dict[@]}" \
      -print_final_stats=1 2>"$scratch/$target.log"; then
    failed+=("$target")
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY|Test unit written" "$scratch/$target.log" | head -20 || true
  fi
  grep -E "^stat::number_of_executed_units|^stat::average_exec_per_sec" "$scratch/$target.log" || true
done

echo "fuzz/ci.sh: $(( $(date +%s) - start ))s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz/ci.sh: crashes in: ${failed[*]} (reproducers in fuzz/artifacts/<target>/)"
  exit 1
fi
echo "fuzz/ci.sh: no crashes"
