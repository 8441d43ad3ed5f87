#!/usr/bin/env bash
# (Re)builds the seed corpus of every fuzz target from the repository's own inputs:
# rules/*.akk, rules/tests/*, rules/feiten.json, tests/bad/**, tests/fixtures/*.
#
# Seeds are named `seed-<where it came from>` and are committed; whatever the fuzzer adds to
# corpus/<target>/ has libFuzzer's hash names and is ignored by git (see .gitignore). This script
# replaces only the seed-* files, so a grown corpus survives it.
set -euo pipefail
cd "$(dirname "$0")"
root=..

targets=(parse load_check differential roundtrip facts scenarios)
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  rm -f "corpus/$t"/seed-*
done

# A seed's name: its path with `/` as `_`.
name() { echo "seed-$(echo "$1" | sed 's|^\.\./||; s|/|_|g')"; }

rule_files=("$root"/rules/*.akk)
test_files=("$root"/rules/tests/*.akk)
bad_rules=("$root"/tests/bad/*.akk)
facts_files=("$root"/rules/feiten.json "$root"/rules/tests/*.json "$root"/tests/bad/facts/*.json "$root"/tests/fixtures/*.json)

# parse: every rule, test and bad file as it is.
for f in "${rule_files[@]}" "${test_files[@]}" "${bad_rules[@]}"; do
  cp "$f" "corpus/parse/$(name "$f")"
done

# roundtrip: first byte 0 = the text that follows; first byte 1 = generator input (any bytes).
for f in "${rule_files[@]}" "${test_files[@]}" "${bad_rules[@]}"; do
  { printf '\0'; cat "$f"; } > "corpus/roundtrip/$(name "$f")"
done
for f in "${rule_files[@]}"; do
  { printf '\1'; cat "$f"; } > "corpus/roundtrip/$(name "$f").gen"
done

# load_check: rule text, a NUL byte, facts JSON.
for f in "${rule_files[@]}" "${bad_rules[@]}"; do
  { cat "$f"; printf '\0'; cat "$root/rules/feiten.json"; } > "corpus/load_check/$(name "$f")"
done
{ cat "${rule_files[@]}"; printf '\0'; cat "$root/rules/feiten.json"; } > "corpus/load_check/seed-rules_all"
{ cat "${rule_files[@]}"; printf '\0'; cat "$root/tests/fixtures/ggz-getekend.json"; } \
  > "corpus/load_check/seed-rules_all_ggz-getekend"
for f in "$root"/tests/bad/facts/*.json; do
  { cat "${rule_files[@]}"; printf '\0'; cat "$f"; } > "corpus/load_check/seed-rules_all_$(basename "$f")"
done

# facts: every facts file.
for f in "${facts_files[@]}"; do
  cp "$f" "corpus/facts/$(name "$f")"
done

# scenarios: the shipped test files.
for f in "${test_files[@]}"; do
  cp "$f" "corpus/scenarios/$(name "$f")"
done

# differential: the generator reads any bytes; the repository's files give it varied ones.
for f in "${rule_files[@]}" "$root/rules/feiten.json"; do
  cp "$f" "corpus/differential/$(name "$f")"
done

for t in "${targets[@]}"; do
  echo "$t: $(ls "corpus/$t" | grep -c '^seed-') seeds"
done
