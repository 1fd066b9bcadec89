#!/usr/bin/env bash
# Import benchmark: a 10,000-question GIFT file, a 10,000-row Anki text file and an Anki package with a
# 10,000-entry review log through POST /api/v1/imports on the packaged app with its embedded PostgreSQL, as an
# admin (created at start from DEMODECK_ADMIN_*). Prints wall-clock times per request (curl time_total).
# Usage: bench/import.sh [questions]   (SKIP_BUILD=1 reuses target/quarkus-app and target/test-classes)
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
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" bench/ApkgGenerator.java "$OUT" $((N / 10))
ADMIN=bench-admin
ADMIN_PASSWORD=bench-admin-password-1

DATA=$(mktemp -d)
DEMODECK_DATA_DIR=$DATA DEMODECK_ADMIN_USERNAME=$ADMIN DEMODECK_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Dquarkus.http.port="$PORT" -Dquarkus.log.category.\"io.demodeck.importer\".level=DEBUG -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

TOKEN=$(curl -s -X POST "http://localhost:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no access token for $ADMIN" >&2; exit 1; }

run() { # label file format dryRun deck [keepHistory]
  local t
  t=$(curl -s -o "$OUT/$1.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" -F "file=@$2" \
      -F "format=$3" -F "dryRun=$4" -F "deck=$5" -F language=en -F "keepHistory=${6:-true}" "http://localhost:$PORT/api/v1/imports")
  printf '%-28s HTTP %s s  %s %s\n' "$1" "$t" "$(grep -o '"counts":{[^}]*}' "$OUT/$1.json")" \
      "$(grep -o '"history":{"entries":[0-9]*,"carriedOver":[0-9]*,"alreadyImported":[0-9]*' "$OUT/$1.json")"
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
# an Anki package whose review log becomes the admin's history: without it, then with it, then again (nothing new)
run apkg-no-history        "$OUT/bench-history.apkg" apkg false bench-apkg-plain false
run apkg-preview           "$OUT/bench-history.apkg" apkg true  bench-apkg
run apkg-apply-history     "$OUT/bench-history.apkg" apkg false bench-apkg
run apkg-reapply-history   "$OUT/bench-history.apkg" apkg false bench-apkg
grep -o 'import bench-history.apkg: .*' "$OUT/app.log" || true
