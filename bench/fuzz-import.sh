#!/usr/bin/env bash
# Hostile-input run of the importers: ImportFuzzTest with 10,000 mutated files per format (previews through
# ImportService), a sample applied for real and a sample uploaded over HTTP. Writes bench/results/fuzz-import.md.
# Usage: bench/fuzz-import.sh [previews per format]   (APPLY=500 HTTP=100 SEED=20261201 change the rest)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
bench_jdk

N=${1:-10000}
APPLY=${APPLY:-500}
HTTP=${HTTP:-100}
SEED=${SEED:-20261201}
SUMMARY=$BENCH_OUT/fuzz-import.tsv
RESULTS=${RESULTS:-bench/results/fuzz-import.md}
CMD="mvn -B test -Dtest=ImportFuzzTest -Dfuzz.seed=$SEED -Dfuzz.iterations=$N -Dfuzz.apply-iterations=$APPLY -Dfuzz.http-iterations=$HTTP"

rm -f "$SUMMARY"
start=$(date +%s)
$CMD -Dfuzz.summary="$SUMMARY" > "$BENCH_OUT/fuzz-import.log" 2>&1
status=$?
took=$(( $(date +%s) - start ))
[ -s "$SUMMARY" ] || { echo "no summary written; see $BENCH_OUT/fuzz-import.log" >&2; exit 1; }
tests=$(grep -h 'Tests run:' target/surefire-reports/io.demodeck.importer.ImportFuzzTest.txt 2>/dev/null | head -1)

# the hand-written part (bugs found and fixed) is kept from the previous results file
kept=""
if [ -f "$RESULTS" ]; then
  kept=$(sed -n '/^## Bugs found and fixed/,$p' "$RESULTS")
fi

{
  echo "# Import fuzzing: hostile input"
  echo
  echo "\`bench/fuzz-import.sh\` runs \`io.demodeck.importer.ImportFuzzTest\` with more inputs than the default test run."
  echo "Every input is a mutation of a valid file (seeds: the importer fixtures, exports of them, the bank deck and"
  echo "\`ApkgFixtures\`), made by \`io.demodeck.importer.fuzz.Mutator\` / \`ApkgMutator\` from (format, seed, iteration)."
  echo "Each preview runs through \`ImportService.preview\` within a 5 s budget and must end in a report whose errors"
  echo "all name a place (a line of the file, or a note, entry, path) with a readable message, or in the service's"
  echo "refusal of an empty file. Applies must store exactly what the report counts, or nothing, the uploader's Anki"
  echo "history included (each of its cards a replay of its log); HTTP uploads must never answer 5xx and their 422"
  echo "must list the audit record's located errors."
  echo
  echo "- Date: $(date -u +%Y-%m-%d)"
  echo "- Machine: $(bench_machine); shared with other builds, so times vary"
  echo "- Command: \`$CMD\` ($took s wall clock, Maven and Quarkus start included)"
  echo "- Result: $tests"
  echo
  echo "| format | previews | accepted | rejected, error located | refused (empty file) | preview ms (mean) | applied / rejected (of) | uploads | slowest input ms | failures |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  tail -n +2 "$SUMMARY" | while IFS=$'\t' read -r format seed previews accepted rejected refused preview_ms applies applied apply_rejected apply_ms uploads upload_ms slowest_ms slowest failures; do
    mean=$(awk -v t="$preview_ms" -v n="$previews" 'BEGIN { printf "%.1f", n ? t / n : 0 }')
    echo "| $format | $previews | $accepted | $rejected | $refused | $mean | $applied / $apply_rejected ($applies) | $uploads | $slowest_ms | $failures |"
  done
  echo
  echo "Slowest input per format (rerun one with \`-Dfuzz.seed=… -Dfuzz.case=format:iteration\`):"
  echo
  tail -n +2 "$SUMMARY" | while IFS=$'\t' read -r format seed previews accepted rejected refused preview_ms applies applied apply_rejected apply_ms uploads upload_ms slowest_ms slowest failures; do
    echo "- $format, $slowest_ms ms: $slowest"
  done
  echo
  if [ -n "$kept" ]; then
    echo "$kept"
  else
    echo "## Bugs found and fixed"
    echo
    echo "(none listed yet)"
  fi
} > "$RESULTS"

echo "wrote $RESULTS"
exit $status
