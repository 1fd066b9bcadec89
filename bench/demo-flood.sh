#!/usr/bin/env bash
# Demo flood on the packaged app: rounds of N concurrent demo runs (API and page form) with the result cache
# off and the per-client quota out of the way, so the concurrency gate (one run at a time) answers; health is
# polled throughout. Measures health latency, the answers, and the app's child processes and threads before
# and after. Writes bench/results/demo-flood.md.
# Usage: bench/demo-flood.sh [N=100] [ROUNDS=10]   (PORT, BENCH_PG_PORT to move it; SETTLE seconds to wait after)
set -euo pipefail
# a cluster of its own, so other benchmarks' databases on the default port are left alone
BENCH_PG_PORT=${BENCH_PG_PORT:-55442}
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
N=${1:-100}
ROUNDS=${2:-10}
PORT=${PORT:-18093}
SETTLE=${SETTLE:-35}
RESULT=bench/results/demo-flood.md

bench_jdk
bench_package
bench_pg_start
trap 'bench_app_stop flood' EXIT

threads() { awk '/^Threads:/ { print $2 }' "/proc/$1/status"; }
# CPU clock ticks of the app itself (utime+stime) and of its reaped children, the demo JVMs (cutime+cstime)
cpu_own() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_children() { awk '{ print $16 + $17 }' "/proc/$1/stat"; }
children() { pgrep -P "$1" -a || true; }
# the names of the Java threads (jcmd), numbers stripped, counted: what a difference consists of
thread_names() { { jcmd "$1" Thread.print 2>/dev/null || true; } | sed -n 's/^"\([^"]*\)".*/\1/p' | sed 's/[0-9][0-9]*/N/g' | sort | uniq -c; }

started=$(date +%s%N)
bench_app_start flood "$PORT" DEMODECK_DEMOS_CACHE_SECONDS=0 DEMODECK_DEMOS_RUNS_PER_MINUTE=100000 \
  DEMODECK_DEMOS_MAX_CONCURRENT_RUNS=1
startup=$(bench_wait_ready "$PORT" "$started")
APP=$(cat "$BENCH_OUT/flood.pid")

java bench/DemoFlood.java warmup "$PORT" "$APP"
threads_before=$(threads "$APP")
children_before=$(children "$APP")
thread_names "$APP" >"$BENCH_OUT/flood-threads-before.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
own_before=$(cpu_own "$APP")
children_cpu_before=$(cpu_children "$APP")

java bench/DemoFlood.java flood "$PORT" "$APP" "$N" "$ROUNDS" >"$BENCH_OUT/flood-figures.md"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
own_cpu=$(( $(cpu_own "$APP") - own_before ))
children_cpu=$(( $(cpu_children "$APP") - children_cpu_before ))
threads_after=$(threads "$APP")
children_after=$(children "$APP")
thread_names "$APP" >"$BENCH_OUT/flood-threads-after.txt"
sleep "$SETTLE"
threads_settled=$(threads "$APP")
children_settled=$(children "$APP")
thread_names "$APP" >"$BENCH_OUT/flood-threads-settled.txt"
# "<" lines are before, ">" lines after; diff exits 1 when they differ
name_diff() { { diff "$1" "$2" || true; } | sed -n 's/^\([<>]\) *\([0-9]*\) /\1 \2 × /p' | paste -sd ';' - | sed 's/;/; /g'; }
thread_diff=$(name_diff "$BENCH_OUT/flood-threads-before.txt" "$BENCH_OUT/flood-threads-after.txt")
settled_diff=$(name_diff "$BENCH_OUT/flood-threads-before.txt" "$BENCH_OUT/flood-threads-settled.txt")
# the target holds for each health endpoint: the p99 of both together would hide the slower one
p99() { sed -n "s#^| /q/health/$1 during the flood | [0-9.]* / \([0-9.]*\) /.*#\1#p" "$BENCH_OUT/flood-figures.md"; }
verdict() { awk -v p="$1" 'BEGIN { print (p != "" && p + 0 < 200) ? "met" : "**missed**" }'; }
p99_live=$(p99 live)
p99_ready=$(p99 ready)

{
  echo "# Demo flood"
  echo
  echo "\`bench/demo-flood.sh $N $ROUNDS\` (client: \`bench/DemoFlood.java\`) packages the app, starts it on a local"
  echo "PostgreSQL (Debian's, \`bench/lib.sh\`) with the demo result cache off (\`DEMODECK_DEMOS_CACHE_SECONDS=0\`), the per-client quota raised"
  echo "(\`DEMODECK_DEMOS_RUNS_PER_MINUTE=100000\`) and one run at a time (\`DEMODECK_DEMOS_MAX_CONCURRENT_RUNS=1\`), so"
  echo "every request reaches the concurrency gate. Each round releases $N runs of \`$( sed -n 's/.*DEMO = "\(.*\)";/\1/p' bench/DemoFlood.java)\`/small at the same"
  echo "instant from virtual threads (three quarters \`POST /api/v1/demos/{id}/runs\` with a bearer token, a quarter the"
  echo "page form \`POST /demos/{id}/runs\` with a session and CSRF token) while two threads poll \`/q/health/live\` and"
  echo "\`/q/health/ready\` back to back; a round ends when the admitted demo JVM has exited. Latencies are measured"
  echo "by the client (request sent to response read, HTTP/1.1 keep-alive connections). The figures are from the rounds"
  echo "after a first one, which runs the refusal path on cold code; that round is reported on its own line."
  echo
  echo "- Date: $(date -u +%Y-%m-%d)"
  echo "- Machine: $(bench_machine); **shared** with other builds (load average $load_before before the flood, $load_after after)"
  echo "- App: \`target/quarkus-app/quarkus-run.jar\`, ready ${startup} s after start"
  echo
  echo "| what | result |"
  echo "|---|---|"
  cat "$BENCH_OUT/flood-figures.md"
  requests=$(sed -n 's/^| requests this client sent | \([0-9]*\) runs, \([0-9]*\) health calls |/\1 + \2/p' "$BENCH_OUT/flood-figures.md")
  awk -v t="$(getconf CLK_TCK)" -v own="$own_cpu" -v kids="$children_cpu" -v n="$(( requests ))" 'BEGIN {
    printf "| CPU used while the client ran: the app; per request it answered; the demo JVMs | %.1f s; %.2f ms; %.1f s |\n",
      own / t, own / t * 1000 / n, kids / t }'
  echo "| app's child processes before / right after / ${SETTLE} s after | $(echo "$children_before" | grep -c . || true) / $(echo "$children_after" | grep -c . || true) / $(echo "$children_settled" | grep -c . || true) |"
  echo "| app's threads (/proc/<pid>/status) before / right after / ${SETTLE} s after | $threads_before / $threads_after / $threads_settled |"
  echo "| thread names that differ right after (< before, > after: count × name) | ${thread_diff:-none} |"
  echo "| thread names that differ ${SETTLE} s after | ${settled_diff:-none} |"
  echo
  echo "\`/q/health/ready\` includes the datasource check (a round trip to PostgreSQL, which runs on the same machine);"
  echo "\`/q/health/live\` does not. The client, the app, PostgreSQL and the demo JVM share the 2 cores with whatever"
  echo "else runs (load average above). Thread names come from \`jcmd <pid> Thread.print\`, numbers replaced by N:"
  echo "\`executor-thread\` is the Quarkus worker pool (the page requests' session look-ups, the health checks),"
  echo "\`ForkJoinPool-N-worker\` the virtual-thread carriers; both shrink back after a 30 s keep-alive."
  echo
  echo "Target, health p99 under 200 ms during the flood: /q/health/live $(verdict "$p99_live") (p99 ${p99_live:-?} ms),"
  echo "/q/health/ready $(verdict "$p99_ready") (p99 ${p99_ready:-?} ms)."
} >"$RESULT"
cat "$RESULT"
