#!/usr/bin/env bash
# Next-card latency at 10 thousand and at 1 million card states: the packaged app on a local PostgreSQL holding the
# generated study load (bench/LoadData.java, 100 cards and about 500 review-log rows per learner: 100 learners, then
# 10,000), sequential GET /api/v1/study/queue?limit=1&counts=false for 100 learners spread over the id range, and the plan of
# the queue statement. Writes bench/results/queue-latency.md.
# Usage: bench/queue-latency.sh        (CALLS=3000)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

CALLS=${CALLS:-3000}
PORT=${PORT:-18081}
RESULTS=${RESULTS:-bench/results/queue-latency.md}
SAMPLED=100

bench_jdk
bench_package
bench_pg_start

declare -A P50 P99 LINE PLAN
for learners in 100 10000; do
  BENCH_LOAD_LEARNERS=$learners BENCH_LOAD_CARDS=100 BENCH_LOAD_REVIEWS=$((learners * 500)) BENCH_LOAD_QUESTIONS=120
  bench_load_database
  cards=$(bench_psql -c "select count(*) from card")
  bench_app_start latency "$PORT" "${BENCH_LOAD_ENV[@]}"
  bench_wait_ready "$PORT" "$(bench_started_ns latency)" >/dev/null
  bench_tokens "$PORT" "$SAMPLED" $((learners / SAMPLED)) "$BENCH_OUT/latency-tokens.txt"
  line=$(java bench/NextCardLatency.java "http://127.0.0.1:$PORT" "$BENCH_OUT/latency-tokens.txt" "$BENCH_LOAD_DECK" "$CALLS" \
         | sed -n 's/^NEXT-CARD //p')
  bench_app_stop latency
  echo "$cards card states: $line"
  P50[$cards]=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['p50ms'])" "$line")
  P99[$cards]=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['p99ms'])" "$line")
  LINE[$cards]=$line
  # the queue statement for a learner in the middle of the id range, as the app binds it (20 new cards a day, UTC, 4 a.m.)
  user=$(bench_psql -c "select id from app_user where username = 'load$(printf %05d $((learners / 2)))'")
  deck=$(bench_psql -c "select id from deck where external_id = '$BENCH_LOAD_DECK'")
  PLAN[$cards]=$(java -cp "$(bench_classpath)" bench/ExplainNext.java "$BENCH_PG_URL" "$BENCH_PG_USER" "$BENCH_PG_PASSWORD" "$user" "$deck")
done

small=10000 large=1000000
ratio=$(awk -v a="${P50[$large]}" -v b="${P50[$small]}" 'BEGIN { printf "%.2f", a / b }')
{
  echo "# Next-card latency at 10 thousand and 1 million card states"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(bench_machine), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- PostgreSQL: $(bench_psql -c 'show server_version'), local, tables and indexes prewarmed (pg_prewarm)"
  echo "- command: \`bench/queue-latency.sh\` (CALLS=$CALLS): $CALLS sequential GET /api/v1/study/queue?limit=1&counts=false (the next card, as a grade with next=1 reads it) on one keep-alive"
  echo "  connection, each for a random one of $SAMPLED learners spread over the id range, after 30 s of warm-up calls; client-side time"
  echo
  echo "| card states | p50 ms | p90 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|"
  for n in $small $large; do
    python3 -c "import json,sys; r=json.loads(sys.argv[2]); print('| %s | %s | %s | %s | %s |' % (sys.argv[1], r['p50ms'], r['p90ms'], r['p99ms'], r['maxms']))" "$n" "${LINE[$n]}"
  done
  echo
  echo "**median at 1,000,000 / median at 10,000: $ratio** (target ≤ 1.2)"
  for n in $small $large; do
    echo
    echo "## The queue statements at $n card states (EXPLAIN ANALYZE, BUFFERS): the next card, then the queue with the counts"
    echo
    echo '```'
    echo "${PLAN[$n]}"
    echo '```'
  done
} >"$RESULTS"
cat "$RESULTS"
