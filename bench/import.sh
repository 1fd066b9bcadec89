#!/usr/bin/env bash
# Import benchmark: a 10,000-question GIFT file and a 10,000-row Anki text file through POST /api/v1/imports
# on the packaged app with its embedded PostgreSQL. Prints wall-clock times per request (curl time_total).
# Usage: bench/import.sh [questions]   (SKIP_BUILD=1 reuses target/quarkus-app)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
PORT=${PORT:-18089}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
OUT=target/bench
mkdir -p "$OUT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q package -DskipTests
fi
java bench/ImportGenerator.java "$OUT" "$N"

DATA=$(mktemp -d)
DEMODECK_DATA_DIR=$DATA java -Dquarkus.http.port="$PORT" -Dquarkus.log.category.\"io.demodeck.importer\".level=DEBUG -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

run() { # label file format dryRun deck
  local t
  t=$(curl -s -o "$OUT/$1.json" -w '%{http_code} %{time_total}' -F "file=@$2" -F "format=$3" -F "dryRun=$4" \
      -F "deck=$5" -F language=en "http://localhost:$PORT/api/v1/imports")
  printf '%-28s HTTP %s s  %s\n' "$1" "$t" "$(grep -o '"counts":{[^}]*}' "$OUT/$1.json")"
}

echo "questions: $N   machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)   $(java -version 2>&1 | head -1)"
# the first import after start runs on a cold JVM: reported, then the same work is measured warm
run cold-gift-apply        "$OUT/bench.gift" gift false bench-warmup
run cold-csv-apply         "$OUT/bench.txt"  anki-csv false bench-warmup-csv
run gift-preview           "$OUT/bench.gift" gift true  bench-gift
run gift-apply             "$OUT/bench.gift" gift false bench-gift
run gift-reapply-unchanged "$OUT/bench.gift" gift false bench-gift
run csv-preview            "$OUT/bench.txt"  anki-csv true  bench-csv
run csv-apply              "$OUT/bench.txt"  anki-csv false bench-csv
run csv-reapply-unchanged  "$OUT/bench.txt"  anki-csv false bench-csv
