#!/usr/bin/env bash
# Past one app process: the study loop of bench/load.sh (wrk + bench/study-loop.lua) at one connection count against
# three setups on the same generated database, in one run: (a) one app instance direct, (b) the same behind nginx, to
# separate nginx's own cost, and (c) two instances behind nginx (round-robin, keep-alive to the instances: the
# configuration is docker/nginx.conf with its listen and upstream server lines pointed at loopback). Each setup starts
# from a fresh copy of the generated database and fresh JVMs, warms up, then runs each client pattern. For each run:
# graded reviews / s, p50 / p99, and the CPU per graded review of each app process, nginx (master and workers),
# PostgreSQL (all its processes) and wrk, from /proc over the middle of each run, beside how busy the whole machine was;
# each instance's resident memory. The question it answers: does a second app process add throughput on this machine,
# or only split the app's CPU (docs/SCALING.md, section 6)? Writes bench/results/load-replicas.md.
#
# Usage: bench/load-replicas.sh   (CONNECTIONS=64 PATTERNS="one mobile" SETUPS="direct nginx1 nginx2" DURATION=30 WARMUP=20)
#        BENCH_NOTE="..." adds a line under the title (say there what else ran on the machine)
#        BENCH_NGINX_WORKERS=1 bench/load-replicas.sh   nginx with one worker instead of one per core
# In (c) each instance gets half the warm-up traffic and half the cores, so (c) warms up 4 x WARMUP: with only WARMUP
# the app's CPU per review came out 2.4 x (b)'s (JIT compilation still running), with 4 x it equals (b)'s.
# Ports: app instances PORT (18085) and PORT+1, nginx NGINX_PORT (18087); the PostgreSQL cluster of bench/lib.sh.
# Takes about 3 x (1 + patterns x (WARMUP + DURATION) / 60) minutes with the data generated (about 9 with the
# defaults), plus about 10 minutes the first time, to generate the data, and the time to sign in 10,000 learners.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

CONNECTIONS=${CONNECTIONS:-64}
PATTERNS=${PATTERNS:-one mobile}
SETUPS=${SETUPS:-direct nginx1 nginx2}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
PORT=${PORT:-18085}
NGINX_PORT=${NGINX_PORT:-18087}
RESULTS=${RESULTS:-bench/results/load-replicas.md}

for setup in $SETUPS; do
  case $setup in direct | nginx1 | nginx2) ;; *) echo "SETUPS: direct, nginx1 or nginx2, not $setup" >&2; exit 2 ;; esac
done

bench_jdk
bench_apt wrk nginx
bench_package
bench_pg_start

# as behind nginx in docker/compose.yml: the client address comes from X-Forwarded-For, believed from nginx only
PROXY_ENV=(QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true
           QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1)
CORES=$(nproc)

instances_of() { case $1 in nginx2) echo 2 ;; *) echo 1 ;; esac; }
stop_all() {
  kill "${SAMPLERS[@]}" 2>/dev/null || true
  bench_app_stop nginx
  # one after the other: each JVM writes the shared class-data archive (docker/jvm.options) as it exits
  bench_app_stop replica1
  bench_app_stop replica2
}
SAMPLERS=()
stop_all # whatever an interrupted earlier run left (its pid files)
trap stop_all EXIT

# CPU seconds so far, space-separated: wall clock, app 1, app 2, nginx, PostgreSQL, wrk, machine busy, machine all.
# One awk reads every /proc file (and only two pgreps fork), so that a snapshot stays short on a busy machine.
CLK_TCK=$(getconf CLK_TCK)
cpu_snapshot() {
  local n=$1 wrk=$2 procs="" i pid child
  for i in 1 2; do
    [ "$i" -le "$n" ] && procs+=" app$i:$(<"$BENCH_OUT/replica$i.pid"):self"
  done
  for pid in "$([ -f "$BENCH_OUT/nginx.pid" ] && echo "nginx:$(<"$BENCH_OUT/nginx.pid")")" \
             "pg:$(head -1 "$BENCH_PG_DIR/postmaster.pid")"; do
    [ -n "$pid" ] || continue
    # the parent with the children it has reaped, and its live children (as bench_tree_cpu_seconds)
    procs+=" ${pid%%:*}:${pid#*:}:tree"
    for child in $(pgrep -P "${pid#*:}"); do procs+=" ${pid%%:*}:$child:self"; done
  done
  procs+=" wrk:$wrk:self"
  awk -v now="$EPOCHREALTIME" -v procs="$procs" -v t="$CLK_TCK" 'BEGIN {
    n = split(procs, list, " ")
    for (i = 1; i <= n; i++) {
      split(list[i], p, ":")
      if ((getline line < ("/proc/" p[2] "/stat")) > 0) {
        sub(/^.*\) /, "", line)   # after "pid (comm) ": state is field 1, utime field 12
        split(line, f, " ")
        cpu[p[1]] += f[12] + f[13] + (p[3] == "tree" ? f[14] + f[15] : 0)
      }
      close("/proc/" p[2] "/stat")
    }
    while ((getline line < "/proc/stat") > 0) {
      split(line, f, " ")
      if (f[1] == "cpu") { busy = f[2] + f[3] + f[4] + f[7] + f[8]; for (j = 2; j <= 9; j++) all += f[j]; break }
    }
    printf "%s %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n", now, cpu["app1"] / t, cpu["app2"] / t, cpu["nginx"] / t,
      cpu["pg"] / t, cpu["wrk"] / t, busy / t, all / t
  }'
}

# Runs wrk in the background and samples the CPU of every process twice while it runs: a tenth of the run after wrk's
# clock starts (once its last thread is up: each thread first reads its slice of the tokens) and a tenth before it
# stops, so neither wrk's start nor the requests still in flight at its end count. Prints the two snapshots' lines.
# `measured_run SETUP PATTERN INSTANCES PORT`; wrk's report goes to $BENCH_OUT/replicas-wrk-SETUP-PATTERN.txt.
measured_run() {
  local setup=$1 pattern=$2 n=$3 port=$4 loop wrk="" i started margin
  STUDY_PATTERN=$pattern bench_study_loop "$port" "$CONNECTIONS" "$DURATION" --latency \
    >"$BENCH_OUT/replicas-wrk-$setup-$pattern.txt" 2>&1 &
  loop=$!
  for ((i = 0; i < 1200; i++)); do
    if [ -z "$wrk" ]; then
      if [ "$(cat "/proc/$loop/comm" 2>/dev/null)" = wrk ]; then wrk=$loop; else wrk=$(pgrep -P "$loop" -x wrk || true); fi
    fi
    [ -n "$wrk" ] && [ "$(awk '/^Threads:/ { print $2 }' "/proc/$wrk/status" 2>/dev/null || echo 0)" -gt "$CONNECTIONS" ] && break
    sleep 0.05
  done
  [ -n "$wrk" ] || { echo "wrk did not start: $(cat "$BENCH_OUT/replicas-wrk-$setup-$pattern.txt")" >&2; return 1; }
  started=$(date +%s%N)
  margin=$(awk -v d="$DURATION" 'BEGIN { printf "%.3f", d / 10 }')
  sleep "$margin"
  cpu_snapshot "$n" "$wrk"
  kill -0 "$wrk" 2>/dev/null || { echo "wrk ended before the first CPU snapshot: a longer DURATION" >&2; return 1; }
  sleep "$(awk -v s="$started" -v now="$(date +%s%N)" -v d="$DURATION" -v m="$margin" \
    'BEGIN { w = (s + (d - m) * 1e9 - now) / 1e9; printf "%.3f", (w > 0 ? w : 0) }')"
  cpu_snapshot "$n" "$wrk"
  # on a machine too busy for the margins, the second snapshot can come after wrk has ended: its figures are not valid
  if kill -0 "$wrk" 2>/dev/null; then echo ok; else echo late; echo "wrk ended before the second CPU snapshot" >&2; fi
  wait "$loop"
}

declare -A LINE APP1 APP2 NGINX PG WRK SUM BUSY OTHER RSS READY LOAD_AVG WINDOW
tokens_port=""
for setup in $SETUPS; do
  n=$(instances_of "$setup")
  echo "=== $setup: $n instance(s)$([ "$setup" = direct ] || echo ' behind nginx'), $CONNECTIONS connections"
  bench_load_database
  for ((i = 1; i <= n; i++)); do bench_app_start "replica$i" $((PORT + i - 1)) "${BENCH_LOAD_ENV[@]}" "${PROXY_ENV[@]}"; done
  ready=""
  for ((i = 1; i <= n; i++)); do ready+="$(bench_wait_ready $((PORT + i - 1)) "$(bench_started_ns "replica$i")") "; done
  READY[$setup]=$ready
  target=$PORT
  if [ "$setup" != direct ]; then
    upstreams=()
    for ((i = 1; i <= n; i++)); do upstreams+=($((PORT + i - 1))); done
    bench_nginx_start nginx "$NGINX_PORT" "${upstreams[@]}"
    bench_wait_ready "$NGINX_PORT" "$(date +%s%N)" 30 >/dev/null
    target=$NGINX_PORT
  fi
  # the access tokens are signed with the key in the generated database, so the first setup's serve all of them
  if [ -z "$tokens_port" ]; then bench_tokens "$target"; tokens_port=$target; fi

  # two instances each get half the traffic and half the cores for their JIT compilers: 4 x the warm-up (the quiet run of
  # 2026-12-06 with the same 30 s for (c) measured 4.93 ms of app CPU per review, with 120 s 1.95 ms, (b) 2.02 ms)
  warmup=$WARMUP
  [ "$setup" = nginx2 ] && warmup=$((WARMUP * 4))
  echo "warm-up: ${warmup} s per pattern"
  for pattern in $PATTERNS; do
    STUDY_PATTERN=$pattern bench_study_loop "$target" "$CONNECTIONS" "$warmup" >"$BENCH_OUT/replicas-warmup-$setup-$pattern.txt"
  done

  SAMPLERS=()
  for ((i = 1; i <= n; i++)); do
    bench_rss_sample "$(cat "$BENCH_OUT/replica$i.pid")" "$BENCH_OUT/replicas-rss-$setup-$i.txt"
    SAMPLERS+=("$RSS_SAMPLER")
  done
  for pattern in $PATTERNS; do
    k=$setup-$pattern
    measured_run "$setup" "$pattern" "$n" "$target" >"$BENCH_OUT/replicas-cpu-$k.txt"
    { read -r t_0 a1_0 a2_0 n_0 p_0 w_0 busy_0 all_0; read -r t_1 a1_1 a2_1 n_1 p_1 w_1 busy_1 all_1; read -r window; } \
      <"$BENCH_OUT/replicas-cpu-$k.txt"
    WINDOW[$k]=$window
    cat "$BENCH_OUT/replicas-wrk-$k.txt"
    LINE[$k]=$(sed -n 's/^STUDY-LOOP //p' "$BENCH_OUT/replicas-wrk-$k.txt")
    # the reviews graded between the two snapshots, at the rate wrk measured over its whole run
    graded=$(awk -v r="$(bench_json "${LINE[$k]}" gradedPerSecond)" -v a="$t_0" -v b="$t_1" 'BEGIN { printf "%.1f", r * (b - a) }')
    APP1[$k]=$(bench_per_review "$a1_0" "$a1_1" "$graded")
    APP2[$k]=$(bench_per_review "$a2_0" "$a2_1" "$graded")
    NGINX[$k]=$(bench_per_review "$n_0" "$n_1" "$graded")
    PG[$k]=$(bench_per_review "$p_0" "$p_1" "$graded")
    WRK[$k]=$(bench_per_review "$w_0" "$w_1" "$graded")
    SUM[$k]=$(awk -v a="${APP1[$k]}" -v b="${APP2[$k]}" -v c="${NGINX[$k]}" -v d="${PG[$k]}" -v e="${WRK[$k]}" \
      'BEGIN { printf "%.2f", a + b + c + d + e }')
    BUSY[$k]=$(awk -v c="$CORES" -v b0="$busy_0" -v b1="$busy_1" -v a0="$all_0" -v a1="$all_1" \
      'BEGIN { printf "%.2f", (a1 > a0 ? c * (b1 - b0) / (a1 - a0) : 0) }')
    OTHER[$k]=$(awk -v busy="$(bench_per_review "$busy_0" "$busy_1" "$graded")" -v sum="${SUM[$k]}" 'BEGIN { printf "%.2f", busy - sum }')
  done
  kill "${SAMPLERS[@]}" 2>/dev/null || true
  SAMPLERS=()
  rss=""
  for ((i = 1; i <= n; i++)); do
    read -r median max < <(bench_median_max "$BENCH_OUT/replicas-rss-$setup-$i.txt")
    rss+="${rss:+; }$median / $max"
  done
  RSS[$setup]=$rss
  LOAD_AVG[$setup]=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ "$setup" != direct ]; then
    NGINX_INFO="nginx $("$BENCH_NGINX" -v 2>&1 | sed 's/.*nginx\///'), $(pgrep -P "$(cat "$BENCH_OUT/nginx.pid")" | wc -l) workers"
  fi
  stop_all
done

has() { [ -n "${LINE[$1]:-}" ]; }
gps() { bench_json "${LINE[$1]}" gradedPerSecond; }
label() { case $1 in direct) echo "(a) 1 instance, direct" ;; nginx1) echo "(b) 1 instance behind nginx" ;; nginx2) echo "(c) 2 instances behind nginx" ;; esac; }

mkdir -p "$(dirname "$RESULTS")"
{
  echo "# Two app instances behind nginx on one PostgreSQL: the study loop"
  echo
  [ -z "${BENCH_NOTE:-}" ] || { echo "**${BENCH_NOTE}**"; echo; }
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(bench_machine); load average at the end of each setup: $(for s in $SETUPS; do echo -n "$s ${LOAD_AVG[$s]:-?}; "; done)"
  echo "- PostgreSQL: $(bench_psql -c 'show server_version'), local (bench/lib.sh settings: shared_buffers 1GB, fsync and synchronous_commit on)"
  echo "- data: $(bench_psql -c "select count(*) from app_user") users, $(bench_psql -c "select count(*) from card") card states,"
  echo "  $(bench_psql -c "select count(*) from review_log") review-log rows after the last setup; each setup starts from a fresh copy of the generated database"
  echo "- command: \`bench/load-replicas.sh\` (CONNECTIONS=$CONNECTIONS PATTERNS=\"$PATTERNS\" SETUPS=\"$SETUPS\" DURATION=$DURATION WARMUP=$WARMUP),"
  echo "  app JVM options: \`$(bench_java_opts_text)\`, MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}; fresh JVMs per setup"
  echo "- nginx: ${NGINX_INFO:-not run}; docker/nginx.conf with \`listen\` and the upstream \`server\` lines pointed at the"
  echo "  instances on loopback (round-robin, keepalive to the instances), access log off"
  echo "- client: wrk -t$CONNECTIONS -c$CONNECTIONS -d${DURATION}s -s bench/study-loop.lua, patterns as in bench/results/load.md"
  echo "  (**one**: one request per answer; **mobile**: fetch 20 cards, sync 20 answers in one request); latency per HTTP request"
  echo "- CPU per graded review, from /proc between two snapshots a tenth of the run after wrk's start and a tenth before"
  echo "  its end, at wrk's graded rate: each app process, nginx (master and workers), PostgreSQL (all its processes), wrk;"
  echo "  \"busy\" is the whole machine's non-idle CPU in cores between the snapshots, \"other\" what it spent per review"
  echo "  beyond the processes listed (other users, kernel threads); all on the same $CORES cores"
  echo
  echo "| setup | pattern | graded reviews / s | p50 ms | p99 ms | failed | CPU ms per review: app 1 + app 2 + nginx + PostgreSQL + wrk = sum | machine busy (cores) / other ms per review | resident MiB per instance (median / max) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for setup in $SETUPS; do
    for pattern in $PATTERNS; do
      k=$setup-$pattern l=${LINE[$k]}
      failed=$(( $(bench_json "$l" failed) + $(bench_json "$l" socketErrors) + $(bench_json "$l" non2xx) ))
      late=""
      [ "${WINDOW[$k]}" = ok ] || late="**not valid: wrk ended before the second snapshot** "
      echo "| $(label "$setup") | $pattern | $(gps "$k") | $(bench_json "$l" p50ms) | $(bench_json "$l" p99ms) | $failed | $late${APP1[$k]} + ${APP2[$k]} + ${NGINX[$k]} + ${PG[$k]} + ${WRK[$k]} = ${SUM[$k]} | ${BUSY[$k]} / ${OTHER[$k]} | ${RSS[$setup]} |"
    done
  done
  echo
  for pattern in $PATTERNS; do
    if has "direct-$pattern" && has "nginx1-$pattern"; then
      a=direct-$pattern b=nginx1-$pattern
      per_request=$(awk -v ms="${NGINX[$b]}" -v r="$(bench_json "${LINE[$b]}" requestsPerReview)" 'BEGIN { printf "%.3f", (r > 0 ? ms / r : 0) }')
      echo "- **$pattern, nginx's own cost: (b) / (a) = $(bench_ratio "$(gps "$b")" "$(gps "$a")") of the throughput; nginx ${NGINX[$b]} ms per review ($per_request ms per request)**,"
      echo "  CPU per review ${SUM[$a]} → ${SUM[$b]} ms (wrk included), p99 $(bench_json "${LINE[$a]}" p99ms) → $(bench_json "${LINE[$b]}" p99ms) ms"
    fi
    if has "nginx2-$pattern"; then
      c=nginx2-$pattern
      app_c=$(awk -v x="${APP1[$c]}" -v y="${APP2[$c]}" 'BEGIN { printf "%.2f", x + y }')
      echo -n "- **$pattern, two instances: (c) $(gps "$c") graded reviews / s"
      has "nginx1-$pattern" && echo -n " = $(bench_ratio "$(gps "$c")" "$(gps "nginx1-$pattern")") × (b)"
      has "direct-$pattern" && echo -n " = $(bench_ratio "$(gps "$c")" "$(gps "direct-$pattern")") × (a)"
      echo "**; app CPU per review ${APP1[$c]} + ${APP2[$c]} = $app_c ms (one instance: ${APP1[nginx1-$pattern]:-${APP1[direct-$pattern]:-?}} ms), PostgreSQL ${PG[$c]} ms"
      if has "nginx1-$pattern"; then
        b=nginx1-$pattern
        # the model: when the cores are the limit, throughput = cores / CPU per review, whatever the number of processes
        ceiling=$(awk -v c="$CORES" -v s="${SUM[$b]}" 'BEGIN { printf "%.0f", (s > 0 ? c * 1000 / s : 0) }')
        echo "  model check: with (b)'s CPU per review (${SUM[$b]} ms, wrk included) the $CORES cores allow at most $ceiling reviews / s;"
        echo "  (b) ran at $(gps "$b") with the machine ${BUSY[$b]} cores busy, (c) at $(gps "$c") with ${BUSY[$c]} busy: $(bench_ratio "$(gps "$c")" "$ceiling") of that ceiling"
      fi
    fi
  done
  saturated=$(for k in "${!BUSY[@]}"; do echo "${BUSY[$k]}"; done | awk -v c="$CORES" '$1 < 0.9 * c { low = 1 } END { print low ? "no" : "yes" }')
  shared=$(for k in "${!SUM[@]}"; do echo "${SUM[$k]} ${OTHER[$k]}"; done | awk '$2 > 0.1 * $1 { s = 1 } END { print s ? "yes" : "no" }')
  if [ "$shared" = yes ]; then
    echo "- other processes took more than a tenth of the CPU per review in some runs (column \"other\"): the machine was"
    echo "  shared, so the throughput ratios between setups are not the CPU costs of the setups alone"
  elif [ "$saturated" = yes ]; then
    echo "- every run kept the machine's $CORES cores at least 90 % busy, nearly all of it the processes measured: throughput"
    echo "  here is the cores divided by the CPU per review, so a second app process can only split the app's share, and"
    echo "  nginx's CPU comes out of the same cores"
  else
    echo "- some runs left the cores below 90 % busy: there the limit was not the CPU alone (connections waiting on"
    echo "  PostgreSQL's commits, or wrk's connection count); compare the busy column before reading the ratios as CPU costs"
  fi
  echo "- start to ready per setup (s, per instance): $(for s in $SETUPS; do echo -n "$s ${READY[$s]}; "; done)"
  for setup in $SETUPS; do
    for pattern in $PATTERNS; do
      echo
      echo '```'
      echo "$(label "$setup"), pattern $pattern"
      sed -n '/Running/,$p' "$BENCH_OUT/replicas-wrk-$setup-$pattern.txt"
      echo '```'
    done
  done
} >"$RESULTS"
cat "$RESULTS"
