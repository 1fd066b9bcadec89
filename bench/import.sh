#!/usr/bin/env bash
# Import benchmark: a 10,000-question GIFT file, a 10,000-row Anki text file and an Anki package with a 10,000-entry
# review log (bench/ApkgGenerator.java) through POST /api/v1/imports on the packaged app with its embedded PostgreSQL
# (the default database), as an admin (created at start from DEMODECK_ADMIN_*) with a bearer token. Times are
# curl's time_total for the whole request: upload, parse, content checks, database, audit record. Each figure is the
# median of RUNS requests; "cold" is the first import after a start (a new JVM each time).
# Writes bench/results/import.md.   Usage: bench/import.sh [questions]   (RUNS=3)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
N=${1:-10000}
RUNS=${RUNS:-3}
PORT=${PORT:-18089}
RESULTS=${RESULTS:-bench/results/import.md}

bench_jdk
bench_package
java bench/ImportGenerator.java "$BENCH_OUT" "$N" >/dev/null
mvn -q -B test-compile >&2
java -cp "$BENCH_ROOT/target/test-classes:$(bench_classpath)" bench/ApkgGenerator.java "$BENCH_OUT" $((N / 10)) >/dev/null

DATA=$(mktemp -d)
ADMIN=(DEMODECK_ADMIN_USERNAME=bench-admin DEMODECK_ADMIN_PASSWORD=bench-admin-password DEMODECK_DATA_DIR="$DATA")
trap 'bench_app_stop import; rm -rf "$DATA"' EXIT

start() {
  (cd "$BENCH_OUT" && exec env MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" "${ADMIN[@]}" QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
    java ${BENCH_JAVA_OPTS:-} -Dquarkus.log.category.\"io.demodeck.importer\".level=DEBUG -jar "$BENCH_JAR" \
    >>"$BENCH_OUT/import-app.log" 2>&1) &
  echo $! >"$BENCH_OUT/import.pid"
  bench_wait_ready "$PORT" "$(date +%s%N)" >/dev/null
  TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"bench-admin","password":"bench-admin-password"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
}

# post FILE FORMAT DRYRUN DECK [KEEP_HISTORY]: prints the seconds, fails unless HTTP 200
post() {
  local out code seconds
  out=$(curl -s -o "$BENCH_OUT/import-response.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$1" -F "format=$2" -F "dryRun=$3" -F "deck=$4" -F language=en -F "keepHistory=${5:-true}" \
    "http://127.0.0.1:$PORT/api/v1/imports")
  read -r code seconds <<<"$out"
  [ "$code" = 200 ] || { echo "import of $1 as $2 (dryRun=$3) answered $code: $(head -c 500 "$BENCH_OUT/import-response.json")" >&2; return 1; }
  echo "$seconds"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A T
: >"$BENCH_OUT/import-app.log"
for r in $(seq "$RUNS"); do
  start
  T[cold-gift]+="$(post "$BENCH_OUT/bench.gift" gift false "cold-gift-$r") "
  bench_app_stop import
  start
  T[cold-csv]+="$(post "$BENCH_OUT/bench.txt" anki-csv false "cold-csv-$r") "
  bench_app_stop import
done
start
post "$BENCH_OUT/bench.gift" gift false warm-up >/dev/null
post "$BENCH_OUT/bench.txt" anki-csv false warm-up-csv >/dev/null
for r in $(seq "$RUNS"); do
  T[gift-preview]+="$(post "$BENCH_OUT/bench.gift" gift true "gift-$r") "
  T[gift-apply]+="$(post "$BENCH_OUT/bench.gift" gift false "gift-$r") "
  T[gift-unchanged]+="$(post "$BENCH_OUT/bench.gift" gift false "gift-$r") "
  T[csv-preview]+="$(post "$BENCH_OUT/bench.txt" anki-csv true "csv-$r") "
  T[csv-apply]+="$(post "$BENCH_OUT/bench.txt" anki-csv false "csv-$r") "
  T[csv-unchanged]+="$(post "$BENCH_OUT/bench.txt" anki-csv false "csv-$r") "
  # the package's review log becomes the admin's history: without it, a dry run, with it, then again (nothing new)
  T[apkg-plain]+="$(post "$BENCH_OUT/bench-history.apkg" apkg false "apkg-plain-$r" false) "
  T[apkg-preview]+="$(post "$BENCH_OUT/bench-history.apkg" apkg true "apkg-$r") "
  T[apkg-history]+="$(post "$BENCH_OUT/bench-history.apkg" apkg false "apkg-$r") "
  T[apkg-again]+="$(post "$BENCH_OUT/bench-history.apkg" apkg false "apkg-$r") "
done
rss=$(bench_rss_mib "$(cat "$BENCH_OUT/import.pid")")
bench_app_stop import

row() { # label key
  local values; values=$(echo "${T[$2]}" | xargs)
  echo "| $1 | **$(echo "$values" | tr ' ' '\n' | median)** | ${values// / · } |"
}
{
  echo "# Import benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(bench_machine), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- command: \`bench/import.sh $N\` (RUNS=$RUNS): the packaged app on its embedded PostgreSQL 17, POST /api/v1/imports as an"
  echo "  instructor; curl's total time per request (upload, parse, checks, database, audit record); the app log"
  echo "  (\`target/bench/import-app.log\`) has the split per phase"
  echo "- inputs ($N questions each, from bench/ImportGenerator.java): \`bench.gift\` $(du -k "$BENCH_OUT/bench.gift" | cut -f1) KB, seven"
  echo "  question types in turn with ids, tags, escapes and feedback; \`bench.txt\` $(du -k "$BENCH_OUT/bench.txt" | cut -f1) KB, Anki text"
  echo "  with #separator, #html, a GUID column, HTML and quoted two-line fields; \`bench-history.apkg\`: $((N / 10)) Basic-and-reversed"
  echo "  notes ($((N / 5)) cards), each card with a five-entry review log (learn, learn, review, lapse, relearn): $N entries"
  echo
  echo "| request | median s | runs (s) |"
  echo "|---|---|---|"
  row "first GIFT import after a start (cold JVM), $N created" cold-gift
  row "first Anki CSV import after a start (cold JVM), $N created" cold-csv
  row "GIFT preview (dry run)" gift-preview
  row "GIFT import, $N created" gift-apply
  row "GIFT re-import, $N unchanged" gift-unchanged
  row "Anki CSV preview (dry run)" csv-preview
  row "Anki CSV import, $N created" csv-apply
  row "Anki CSV re-import, $N unchanged" csv-unchanged
  row "Anki package, $((N / 5)) questions, history not kept" apkg-plain
  row "Anki package preview (dry run, counts $N answers to carry over)" apkg-preview
  row "Anki package with history: $((N / 5)) questions + $N answers" apkg-history
  row "Anki package again ($N answers already there, none added)" apkg-again
  echo
  echo "- target: a $N-question file imports within 5 s; resident memory of the app after the runs: $rss MiB"
} >"$RESULTS"
cat "$RESULTS"
