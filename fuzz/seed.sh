#!/usr/bin/env bash
# (Re)builds the seed corpus of every fuzz target from the repository's frozen inputs:
# tests/fixtures/vng (the VNG rule base, its facts and its tests, frozen for the engine's tests),
# tests/fixtures/stemmingen (deferred and rejected votes), tests/fixtures/*.json, tests/bad/**,
# and fuzz/types.akk. The living rules/ is not read: it changes after every assembly.
#
# Seeds are named `seed-<where it came from>` and are committed; whatever the fuzzer adds to
# corpus/<target>/ has libFuzzer's hash names and is ignored by git (see .gitignore). This script
# replaces only the seed-* files, so a grown corpus survives it.
set -euo pipefail
cd "$(dirname "$0")"
root=..
vng="$root/tests/fixtures/vng"
votes="$root/tests/fixtures/stemmingen"

targets=(parse load_check differential roundtrip facts scenarios)
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  rm -f "corpus/$t"/seed-*
done

# A seed's name: its path with `/` as `_`.
name() { echo "seed-$(echo "$1" | sed 's|^\.\./||; s|^tests/fixtures/|fixtures_|; s|/|_|g')"; }

rule_files=("$vng"/*.akk "$votes"/*.akk)
test_files=("$vng"/tests/*.akk "$votes"/tests/*.akk)
bad_rules=("$root"/tests/bad/*.akk)
facts_files=("$vng"/feiten.json "$vng"/tests/*.json "$votes"/feiten.json
  "$root"/tests/bad/facts/*.json "$root"/tests/fixtures/*.json)

# parse: every rule, test and bad file as it is.
for f in "${rule_files[@]}" "${test_files[@]}" "${bad_rules[@]}" types.akk; do
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
for f in "$vng"/*.akk "${bad_rules[@]}"; do
  { cat "$f"; printf '\0'; cat "$vng/feiten.json"; } > "corpus/load_check/$(name "$f")"
done
{ cat "$vng"/*.akk; printf '\0'; cat "$vng/feiten.json"; } > "corpus/load_check/seed-vng_all"
{ cat "$vng"/*.akk; printf '\0'; cat "$root/tests/fixtures/ggz-getekend.json"; } \
  > "corpus/load_check/seed-vng_all_ggz-getekend"
{ cat "$votes"/*.akk; printf '\0'; cat "$votes/feiten.json"; } > "corpus/load_check/seed-stemmingen_all"
for f in "$root"/tests/bad/facts/*.json; do
  { cat "$vng"/*.akk; printf '\0'; cat "$f"; } > "corpus/load_check/seed-vng_all_$(basename "$f")"
done

# facts: every facts file, and one with a value of every type fuzz/types.akk declares.
for f in "${facts_files[@]}"; do
  cp "$f" "corpus/facts/$(name "$f")"
done
cat > corpus/facts/seed-types.json <<'EOF'
{
  "akkoorden": {
    "ggz": { "naam": "Hoofdlijnenakkoord GGZ", "sinds": "2018-07-11", "tot": "2025-01-01",
             "fuzz_budget": { "waarde": "€ 1,5 mld", "sinds": "2019-01-01", "bron": "brief" },
             "fuzz_start": "2019-01-01", "soort": "hoofdlijnenakkoord" }
  },
  "feiten": {
    "fuzz_bedrag": [{ "waarde": "€ 100 mln", "sinds": "2018-06-27" }, { "waarde": 17, "sinds": "2019-06-01" }],
    "fuzz_getal": -3, "fuzz_datum": "2018-11-30", "fuzz_tekst": "tekst", "fuzz_domein": "zorg",
    "fuzz_bedrag_per": { "ggz": { "waarde": "EUR 1.400.000", "aanname": "geschat" } },
    "monitoringsafspraken_ggz": null
  }
}
EOF

# scenarios: the test files; each with a NUL and the facts file its scenarios name.
for f in "${test_files[@]}"; do
  cp "$f" "corpus/scenarios/$(name "$f")"
  for facts in "$(dirname "$f")"/*.json; do
    [ -e "$facts" ] || continue
    { cat "$f"; printf '\0'; cat "$facts"; } > "corpus/scenarios/$(name "$f")_$(basename "$facts")"
  done
done

# differential: the generator reads any bytes; the repository's files give it varied ones.
for f in "$vng"/*.akk "$vng/feiten.json" "$votes"/*.akk; do
  cp "$f" "corpus/differential/$(name "$f")"
done

for t in "${targets[@]}"; do
  echo "$t: $(ls "corpus/$t" | grep -c '^seed-') seeds"
done
