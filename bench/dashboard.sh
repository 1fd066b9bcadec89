#!/usr/bin/env bash
# The class dashboard page for a class of 500 learners on a deck of 1,000 questions with 1,000,000 review-log rows:
# the packaged app on a local PostgreSQL (bench/lib.sh), the data from bench/dashboard-data.sql, then REQUESTS
# sequential GET /classes/{id}/dashboard by the class's instructor (a browser session), after WARMUP requests;
# client-side time per request (curl). Also times the two dashboard statements alone (EXPLAIN ANALYZE).
# Writes bench/results/dashboard.md.
# Usage: bench/dashboard.sh        (REQUESTS=60 WARMUP=5)
set -euo pipefail
# a cluster of its own, so that other benchmarks on the default port are not disturbed
export BENCH_PG_PORT=${BENCH_PG_PORT:-55493}
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

REQUESTS=${REQUESTS:-60}
WARMUP=${WARMUP:-5}
PORT=${PORT:-18093}
RESULTS=${RESULTS:-bench/results/dashboard.md}
PASSWORD='bench dashboard password'
JAR_DIR=$BENCH_OUT/dashboard

bench_jdk
bench_package
bench_pg_start
bench_pg_reset

bench_app_start dashboard "$PORT"
bench_wait_ready "$PORT" "$(bench_started_ns dashboard)" >/dev/null
base="http://127.0.0.1:$PORT"

# the instructor: registered through the API, made an instructor in SQL (as an admin would on the accounts page)
curl -fs -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"dash-teacher\",\"password\":\"$PASSWORD\",\"language\":\"en\"}" "$base/api/v1/auth/register"
instructor=$(bench_psql -c "update app_user set roles = 'learner,instructor' where username = 'dash-teacher' returning id")
echo "generating the class (500 learners, 1,000 questions, 500,000 cards, 1,000,000 reviews)"
started=$(date +%s)
bench_psql -v instructor="$instructor" -f bench/dashboard-data.sql >/dev/null
generated=$(( $(date +%s) - started ))
class=$(bench_psql -c "select id from study_class where name = 'Dashboard benchmark class'")
reviews=$(bench_psql -c "select count(*) from review_log")
cards=$(bench_psql -c "select count(*) from card")
members=$(bench_psql -c "select count(*) from class_member where class_id = $class")
questions=$(bench_psql -c "select count(*) from question q join deck d on d.id = q.deck_id where d.external_id = 'dash-deck'")
bench_psql_superuser demodeck -c "create extension if not exists pg_prewarm" \
  -c "select sum(pg_prewarm(c.oid)) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'i')" >/dev/null

# sign in through the form, as a browser does (the CSRF token from the sign-in page)
jar=$BENCH_OUT/dashboard-cookies.txt
rm -f "$jar"
token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf-token=$token" --data-urlencode "username=dash-teacher" \
  --data-urlencode "password=$PASSWORD" "$base/login"

page="$base/classes/$class/dashboard"
status=$(curl -s -o "$BENCH_OUT/dashboard.html" -w '%{http_code}' -b "$jar" "$page")
[ "$status" = 200 ] || { echo "dashboard answered $status" >&2; exit 1; }
rows=$(grep -o '<tr>' "$BENCH_OUT/dashboard.html" | wc -l)
size=$(wc -c <"$BENCH_OUT/dashboard.html")
for ((i = 0; i < WARMUP; i++)); do curl -fs -o /dev/null -b "$jar" "$page"; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$BENCH_OUT/dashboard-times.txt"
for ((i = 0; i < REQUESTS; i++)); do
  curl -fs -o /dev/null -b "$jar" -w '%{time_total}\n' "$page" >>"$BENCH_OUT/dashboard-times.txt"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
stats=$(python3 - "$BENCH_OUT/dashboard-times.txt" <<'PY'
import math, statistics, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
p = lambda q: t[min(len(t) - 1, math.ceil(q * len(t)) - 1)]
print("%d %.0f %.0f %.0f %.0f" % (len(t), statistics.median(t), p(0.95), t[0], t[-1]))
PY
)
read -r n median p95 min max <<<"$stats"

# the statements alone, as the app runs them (plans and times in the results file)
explain() {
  bench_psql -c "explain (analyze, buffers, costs off, timing off) $1"
}
sql_of() { sed -n "/static final String $1 = \"\"\"/,/\"\"\";/p" src/main/java/io/demodeck/classes/ClassDashboard.java | sed -e '1d' -e 's/""";$//'; }
bind() { sed -e "s/:class/$class/g" -e "s/cast(:now as timestamptz)/now()/g" -e "s/:now/now()/g" -e "s/:streakSince/now() - interval '401 days'/g" \
             -e "s/:retentionSince/now() - interval '30 days'/g" -e "s/:lang/'en'/g"; }
plan_learners=$(explain "$(sql_of LEARNERS | bind)")
plan_questions=$(explain "$(sql_of QUESTIONS | bind)")
plan_wrong=$(explain "$(sql_of WRONG | bind)")
bench_app_stop dashboard

{
  echo "# Class dashboard: 500 learners, 1,000 questions, 1,000,000 reviews"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(bench_machine); **shared and loaded**: other builds and test runs were going on, load average"
  echo "  $load_before before and $load_after after the timed requests"
  echo "- PostgreSQL: $(bench_psql -c 'show server_version'), local (bench/lib.sh settings), tables and indexes prewarmed"
  echo "- data: $members learners in the class, $questions questions, $cards cards, $reviews review-log rows"
  echo "  (bench/dashboard-data.sql, generated in ${generated} s)"
  echo "- command: \`bench/dashboard.sh\` (REQUESTS=$REQUESTS WARMUP=$WARMUP): sequential GET /classes/{id}/dashboard"
  echo "  signed in as the class's instructor, after $WARMUP warm-up requests; client-side time (curl), one request at a time;"
  echo "  the page is $size bytes with $rows table rows (every learner and every question)"
  echo
  echo "| requests | median ms | p95 ms | min ms | max ms |"
  echo "|---|---|---|---|---|"
  echo "| $n | $median | $p95 | $min | $max |"
  echo
  echo "Target: p95 ≤ 300 ms."
  echo
  echo "## The statements (EXPLAIN ANALYZE, timing off)"
  echo
  echo "### learners"
  echo '```'
  echo "$plan_learners"
  echo '```'
  echo "### questions"
  echo '```'
  echo "$plan_questions"
  echo '```'
  echo "### wrong options"
  echo '```'
  echo "$plan_wrong"
  echo '```'
} >"$RESULTS"
echo "dashboard p95 ${p95} ms, median ${median} ms over $n requests -> $RESULTS"
