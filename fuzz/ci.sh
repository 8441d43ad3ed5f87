#!/usr/bin/env bash
# Builds the fuzz targets, replays the fixed reproducers through them, and runs each target for
# SECONDS (default 15) from the committed seeds; exits 1 when a reproducer fails again or a
# target crashes, times out or runs out of memory.
#
#   fuzz/ci.sh [SECONDS]
#
# Needs a nightly toolchain (cargo-fuzz builds with sanitizers); installs cargo-fuzz when it is
# missing. Without nightly it says so and exits 0: fuzzing is then skipped, not failed.
#
# One build serves all three steps. `cargo test` here (the generator's check, and the replay of
# `differential` reproducers kept as JSON cases) needs a second, unsanitised build of akkoord,
# so it is left to whoever changes this folder (see README.md), not run here.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-15}"

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz/ci.sh: no nightly toolchain, so no fuzzing (rustup toolchain install nightly)."
  echo "fuzz/ci.sh: skipped; this is not a failure."
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

start=$(date +%s)
cargo +nightly fuzz build
echo "fuzz/ci.sh: built in $(( $(date +%s) - start ))s"
targets=$(cargo +nightly fuzz list)
options=(-rss_limit_mb=4096 -timeout=10)
failed=()

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
log="$scratch/replay.log"

# Every reproducer not listed in regressions/OPEN, once, through its target's binary.
open=$(sed 's/#.*//' regressions/OPEN | awk 'NF { print $1 }')
for target in $targets; do
  files=()
  for f in regressions/"$target"/*; do
    [ -f "$f" ] || continue
    case "$f" in *.json) [ "$target" = differential ] && continue ;; esac
    grep -qxF "${f#regressions/}" <<<"$open" || files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || continue
  if ! cargo +nightly fuzz run "$target" "${files[@]}" -- "${options[@]}" >"$log" 2>&1; then
    failed+=("$target (a fixed reproducer fails again)")
    grep -E "^Running:|panicked at|ERROR: libFuzzer|SUMMARY" "$log" | tail -5 || true
  fi
done
echo "fuzz/ci.sh: reproducers replayed at $(( $(date +%s) - start ))s"

# Each target from the seeds, in a scratch corpus: nothing is written beside the seeds.
for target in $targets; do
  mkdir -p "$scratch/$target"
  dict=()
  if [ "$target" != differential ]; then dict=(-dict=dict); fi
  echo "== $target: ${seconds}s"
  if ! cargo +nightly fuzz run "$target" "$scratch/$target" "corpus/$target" -- \
      -max_total_time="$seconds" "${options[@]}" "${dict[@]}" \
      -print_final_stats=1 2>"$scratch/$target.log"; then
    failed+=("$target")
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY|Test unit written" "$scratch/$target.log" | head -20 || true
  fi
  grep -E "^stat::number_of_executed_units|^stat::average_exec_per_sec" "$scratch/$target.log" || true
done

echo "fuzz/ci.sh: $(( $(date +%s) - start ))s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz/ci.sh: failed: ${failed[*]} (inputs in fuzz/artifacts/<target>/)"
  exit 1
fi
echo "fuzz/ci.sh: no crashes"
