#!/usr/bin/env bash
# Soak: the study loop of bench/load.sh for SOAK_MINUTES (10) at about half the peak rate measured by bench/load.sh
# (read from bench/results/load.md, or PEAK=<graded reviews per second>), paced per connection. Checks that no
# request fails and that memory stays flat: resident memory and heap after GC sampled every 10 s.
# Writes bench/results/soak.md.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

MINUTES=${SOAK_MINUTES:-10}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18082}
RESULTS=${RESULTS:-bench/results/soak.md}
PEAK=${PEAK:-$(sed -n 's/.*\*\*peak: app \([0-9.]*\) graded.*/\1/p' bench/results/load.md 2>/dev/null | head -1)}
[ -n "$PEAK" ] || { echo "no peak figure: run bench/load.sh first or set PEAK" >&2; exit 1; }

bench_jdk
bench_apt wrk
bench_package
bench_pg_start
bench_load_database
bench_app_start soak "$PORT" "${BENCH_LOAD_ENV[@]}"
trap 'bench_app_stop soak' EXIT
bench_wait_ready "$PORT" "$(bench_started_ns soak)" >/dev/null
pid=$(cat "$BENCH_OUT/soak.pid")
bench_tokens "$PORT"

# half the peak in graded reviews = the peak in requests (two per review); per connection, a pause before each
# request makes up the cycle (the response time comes on top, so the rate ends a little under the aim)
pause=$(awk -v peak="$PEAK" -v c="$CONNECTIONS" 'BEGIN { printf "%d", 1000 * c / peak }')
echo "soak: ${MINUTES} min, ${CONNECTIONS} connections, aiming at $(awk -v p="$PEAK" 'BEGIN{printf "%.0f", p/2}') graded reviews/s (pause ${pause} ms)"

samples=$BENCH_OUT/soak-memory.txt
: >"$samples"
( start=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    # old generation in use (jstat -gc: OU, KiB): what survives collections, the part that would grow with a leak
    heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 { printf "%.0f", $8 / 1024 }')
    echo "$(( $(date +%s) - start )) $(bench_rss_mib "$pid") ${heap:-0}" >>"$samples"
    sleep 10
  done ) &
sampler=$!
wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$((MINUTES * 60))s" --latency --timeout 10s -s bench/study-loop.lua \
  "http://127.0.0.1:$PORT" -- "$BENCH_OUT/tokens.txt" "$CONNECTIONS" "$BENCH_LOAD_DECK" "$pause" | tee "$BENCH_OUT/soak-wrk.txt"
kill "$sampler" 2>/dev/null || true
line=$(sed -n 's/^STUDY-LOOP //p' "$BENCH_OUT/soak-wrk.txt")
json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$line" "$1"; }

# memory: first and last two minutes, and the least-squares slope of resident memory over the run
read -r rss_first rss_last slope heap_first heap_last < <(awk '
  { t[NR]=$1; r[NR]=$2; h[NR]=$3; n=NR }
  END {
    for (i = 1; i <= n; i++) { st += t[i]; sr += r[i]; stt += t[i]*t[i]; str += t[i]*r[i] }
    b = (n*str - st*sr) / (n*stt - st*st)
    for (i = 1; i <= n; i++) { if (t[i] <= 120) { rf += r[i]; hf += h[i]; nf++ } if (t[i] >= t[n] - 120) { rl += r[i]; hl += h[i]; nl++ } }
    printf "%.0f %.0f %.2f %.0f %.0f\n", rf/nf, rl/nl, b*60, hf/nf, hl/nl }' "$samples")
failures=$(( $(json failed) + $(json socketErrors) + $(json non2xx) ))
{
  echo "# Soak: ${MINUTES} minutes of the study loop at half the peak"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(bench_machine), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- command: \`bench/soak.sh\` (SOAK_MINUTES=$MINUTES CONNECTIONS=$CONNECTIONS, peak $PEAK graded reviews/s from bench/results/load.md, pause ${pause} ms per request)"
  echo "- app JVM options: \`$(bench_java_opts_text)\`; data as in bench/results/load.md"
  echo
  echo "| graded reviews / s | requests | failed requests | p50 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|"
  echo "| $(json gradedPerSecond) | $(json requests) | **$failures** | $(json p50ms) | $(json p99ms) | $(json maxms) |"
  echo
  echo "- resident memory: median $rss_first MiB over the first two minutes, $rss_last MiB over the last two; trend $slope MiB per minute"
  echo "- old generation in use (what survives collections): median $heap_first MiB over the first two minutes, $heap_last MiB over the last two"
  echo
  echo "Samples (seconds, resident MiB, old generation MiB):"
  echo
  echo '```'
  cat "$samples"
  echo '```'
} >"$RESULTS"
cat "$RESULTS"
