#!/usr/bin/env bash
# The study loop under load: wrk drives the mobile API on the packaged app, and pgbench runs the same database work
# as a bare SQL transaction, against the same generated database, one after the other in this run, at several
# connection counts. Two client patterns (bench/study-loop.lua): the worst case, one request per answer
# (POST /api/v1/reviews?next=1: grade the card and get the next one), and a realistic mobile app (fetch 20 cards,
# answer them on the device, sync the 20 answers in one batch). Also: the CPU each side spends per graded review,
# start to ready with an external database (the first start after packaging, then the median of 3), and the app's
# resident memory under load. Writes bench/results/load.md.
#
# Usage: bench/load.sh            (SWEEP="16 32 64" PATTERNS="one mobile" DURATION=30 WARMUP=20 LEARNERS=10000 CARDS=100 REVIEWS=5000000)
#        PATTERNS="one two mobile" bench/load.sh   also the older two-request loop (fetch, then grade)
#        REGENERATE=1 bench/load.sh   rebuilds the generated template database
# Takes about 3 + 1.5 x (patterns + 1) x DURATION x (connection counts) / 60 minutes with the data generated
# (about 10 minutes with the defaults), plus about 10 minutes the first time, to generate the data.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

SWEEP=${SWEEP:-16 32 64}
PATTERNS=${PATTERNS:-one mobile}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
PORT=${PORT:-18080}
RESULTS=${RESULTS:-bench/results/load.md}

bench_jdk
bench_apt wrk
bench_package
bench_pg_start
bench_load_database

# the first start after packaging: only the class-data archive built with the package (no archive of an earlier run)
bench_forget_class_archive
bench_app_start load "$PORT" "${BENCH_LOAD_ENV[@]}"
first_start=$(bench_wait_ready "$PORT" "$(bench_started_ns load)")
bench_app_stop load
starts=()
for _ in 1 2 3; do
  bench_app_start load "$PORT" "${BENCH_LOAD_ENV[@]}"
  starts+=("$(bench_wait_ready "$PORT" "$(bench_started_ns load)")")
  bench_app_stop load
done
ready_seconds=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
echo "start to ready (external PostgreSQL, generated database): first $first_start s, then ${starts[*]} s"

bench_app_start load "$PORT" "${BENCH_LOAD_ENV[@]}"
trap 'bench_app_stop load; kill ${RSS_SAMPLER:-} 2>/dev/null || true' EXIT
bench_wait_ready "$PORT" "$(bench_started_ns load)" >/dev/null
pid=$(cat "$BENCH_OUT/load.pid")
bench_tokens "$PORT"

loop() { STUDY_PATTERN=$1 bench_study_loop "$PORT" "$2" "$3" ${4:+--latency}; } # pattern connections seconds [latency]

echo "warm-up: ${WARMUP} s"
for pattern in $PATTERNS; do loop "$pattern" 64 "$WARMUP" >"$BENCH_OUT/wrk-warmup-$pattern.txt"; done

declare -A APP PG APP_CPU APP_PG_CPU PG_CPU
bench_rss_sample "$pid" "$BENCH_OUT/rss.txt"
for pattern in $PATTERNS; do
  for c in $SWEEP; do
    k="$pattern-$c"
    a0=$(bench_cpu_seconds "$pid"); p0=$(bench_pg_cpu_seconds)
    loop "$pattern" "$c" "$DURATION" latency | tee "$BENCH_OUT/wrk-$k.txt"
    a1=$(bench_cpu_seconds "$pid"); p1=$(bench_pg_cpu_seconds)
    APP[$k]=$(sed -n 's/^STUDY-LOOP //p' "$BENCH_OUT/wrk-$k.txt")
    graded=$(bench_json "${APP[$k]}" graded)
    APP_CPU[$k]=$(bench_per_review "$a0" "$a1" "$graded"); APP_PG_CPU[$k]=$(bench_per_review "$p0" "$p1" "$graded")
  done
done
kill "$RSS_SAMPLER" 2>/dev/null || true
read -r rss_median rss_max < <(bench_median_max "$BENCH_OUT/rss.txt")
app_load=$(cut -d' ' -f1-3 /proc/loadavg)
bench_app_stop load

for c in $SWEEP; do
  p0=$(bench_pg_cpu_seconds)
  bench_pgbench "$c" "$DURATION" | tee "$BENCH_OUT/pgbench-$c.txt"
  p1=$(bench_pg_cpu_seconds)
  PG[$c]=$(sed -n 's/^PGBENCH //p' "$BENCH_OUT/pgbench-$c.txt")
  PG_CPU[$c]=$(bench_per_review "$p0" "$p1" "$(bench_json "${PG[$c]}" transactions)")
done

# the peak of each side, and the figures at the app's peak connection count
best_pg=0 best_pg_c=""
for c in $SWEEP; do
  t=$(bench_json "${PG[$c]}" tps)
  if awk -v a="$best_pg" -v b="$t" 'BEGIN { exit !(b > a) }'; then best_pg=$t best_pg_c=$c; fi
done
declare -A BEST BEST_C
for pattern in $PATTERNS; do
  BEST[$pattern]=0
  for c in $SWEEP; do
    r=$(bench_json "${APP[$pattern-$c]}" gradedPerSecond)
    if awk -v a="${BEST[$pattern]}" -v b="$r" 'BEGIN { exit !(b > a) }'; then BEST[$pattern]=$r BEST_C[$pattern]=$c; fi
  done
done

mkdir -p "$(dirname "$RESULTS")"
{
  echo "# Study loop under load: the app over HTTP vs pgbench on the same database"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(bench_machine); load average at the end of the app runs: $app_load${BENCH_NOTE:+; $BENCH_NOTE}"
  echo "- PostgreSQL: $(bench_psql -c 'show server_version'), local (bench/lib.sh settings: shared_buffers 1GB, fsync and synchronous_commit on)"
  echo "- data: $(bench_psql -c "select count(*) from app_user") users, $(bench_psql -c "select count(*) from card") card states,"
  echo "  $(bench_psql -c "select count(*) from review_log") review-log rows after the run (generated by bench/LoadData.java, then the runs' answers)"
  echo "- command: \`bench/load.sh\` (SWEEP=\"$SWEEP\" PATTERNS=\"$PATTERNS\" DURATION=$DURATION WARMUP=$WARMUP), app JVM options: \`$(bench_java_opts_text)\`, MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
  echo "- app: wrk -tN -cN -d${DURATION}s -s bench/study-loop.lua; each connection signs in as its own learners and studies"
  echo "  as one learner after the other. Patterns: **one** = one request per answer (POST /api/v1/reviews?next=1&counts=false"
  echo "  grades the card and returns the learner's next one; a session of 20 answers starts with GET /api/v1/study/queue?limit=1);"
  echo "  **two** = GET /api/v1/study/queue?limit=1 then POST /api/v1/reviews, 20 answers per learner;"
  echo "  **mobile** = GET /api/v1/study/queue?limit=20, then one POST /api/v1/reviews with the 20 answers."
  echo "  Latency is per HTTP request (for mobile: per fetch or per 20-answer sync)"
  echo "- pgbench: -cN -j2 -T$DURATION -M prepared -f bench/study-loop.pgbench: select the next due card, insert the"
  echo "  review-log row, update the card, commit; latency is per transaction"
  echo "- CPU per graded review: the app's process and PostgreSQL's (all its processes), from /proc, over each run; wrk and"
  echo "  pgbench themselves run on the same 2 cores"
  echo
  echo "| pattern | connections | graded reviews / s | requests per review | p50 ms | p99 ms | CPU ms per review: app + PostgreSQL | pgbench tps | pgbench p50 / p99 ms | PostgreSQL CPU ms per pgbench tx | app / pgbench | CPU per review / PostgreSQL CPU per pgbench tx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for pattern in $PATTERNS; do
    for c in $SWEEP; do
      a=${APP[$pattern-$c]} p=${PG[$c]}
      cpu=$(awk -v x="${APP_CPU[$pattern-$c]}" -v y="${APP_PG_CPU[$pattern-$c]}" 'BEGIN { printf "%.2f", x + y }')
      echo "| $pattern | $c | $(bench_json "$a" gradedPerSecond) | $(bench_json "$a" requestsPerReview) | $(bench_json "$a" p50ms) | $(bench_json "$a" p99ms) | ${APP_CPU[$pattern-$c]} + ${APP_PG_CPU[$pattern-$c]} = $cpu | $(bench_json "$p" tps) | $(bench_json "$p" p50ms) / $(bench_json "$p" p99ms) | ${PG_CPU[$c]} | $(bench_ratio "$(bench_json "$a" gradedPerSecond)" "$(bench_json "$p" tps)") | $(bench_ratio "$cpu" "${PG_CPU[$c]}") |"
    done
  done
  echo
  for pattern in $PATTERNS; do
    c=${BEST_C[$pattern]:-}
    [ -n "$c" ] || continue
    a=${APP[$pattern-$c]}
    cpu=$(awk -v x="${APP_CPU[$pattern-$c]}" -v y="${APP_PG_CPU[$pattern-$c]}" 'BEGIN { printf "%.2f", x + y }')
    echo "- **$pattern: peak ${BEST[$pattern]} graded reviews / s at $c connections, pgbench $(bench_json "${PG[$c]}" tps) tps at the same count: ratio $(bench_ratio "${BEST[$pattern]}" "$(bench_json "${PG[$c]}" tps)")**"
    echo "  (pgbench's own peak $best_pg tps at $best_pg_c); CPU per review $cpu ms = $(bench_ratio "$cpu" "${PG_CPU[$c]}") x PostgreSQL's per pgbench transaction;"
    echo "  p99 $(bench_json "$a" p99ms) ms at that count (targets for pattern one: ratio ≥ 0.7, CPU ≤ 1.5 x, p99 ≤ 50 ms)"
  done
  echo "- failed requests: $(for pattern in $PATTERNS; do for c in $SWEEP; do a=${APP[$pattern-$c]}; echo -n "$pattern/$c: $(( $(bench_json "$a" failed) + $(bench_json "$a" socketErrors) + $(bench_json "$a" non2xx) )) "; done; done)(empty queues: $(for pattern in $PATTERNS; do for c in $SWEEP; do echo -n "$(bench_json "${APP[$pattern-$c]}" emptyQueues) "; done; done))"
  echo "- **resident memory of the app under load: median ${rss_median} MiB, max ${rss_max} MiB** (target ≤ 350 MiB; sampled every second over the app runs)"
  echo "- **start to ready with the external database: first start after packaging ${first_start} s, then median ${ready_seconds} s** (${starts[*]}; target ≤ 5 s on the first start;"
  echo "  process start to /q/health/ready = 200, including Flyway's check and the bank load)"
  for pattern in $PATTERNS; do
    for c in $SWEEP; do
      echo
      echo '```'
      echo "pattern $pattern"
      sed -n '/Running/,$p' "$BENCH_OUT/wrk-$pattern-$c.txt"
      echo '```'
    done
  done
  for c in $SWEEP; do
    echo
    echo '```'
    grep -v '^PGBENCH' "$BENCH_OUT/pgbench-$c.txt"
    echo '```'
  done
} >"$RESULTS"
cat "$RESULTS"
