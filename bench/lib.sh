# Shared helpers for the bench/ scripts: a JDK, Debian packages, a throwaway local PostgreSQL, app processes.
# Source it: `. "$(dirname "$0")/lib.sh"`. Everything listens on loopback only.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_OUT=${BENCH_OUT:-$BENCH_ROOT/target/bench}
mkdir -p "$BENCH_OUT"

# The newest JDK 21+ under /usr/lib/jvm unless JAVA_HOME already names one (same rule as .ci/run).
bench_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    :
  else
    local best="" best_major=0 dir major
    for dir in /usr/lib/jvm/*/; do
      dir=${dir%/}
      [ -x "$dir/bin/javac" ] || continue
      major=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      major=${major%%.*}
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$dir best_major=$major; fi
    done
    [ -n "$best" ] || { echo "No JDK 21+ under /usr/lib/jvm" >&2; return 1; }
    export JAVA_HOME=$best
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs the Debian packages that are missing (needs root); e.g. `bench_apt wrk postgresql`.
bench_apt() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || { echo "please install: ${missing[*]}" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The machine line every results file starts with.
bench_machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
}

# --- a throwaway PostgreSQL cluster (Debian's server binaries, run as the postgres user) ---------------
BENCH_PG_PORT=${BENCH_PG_PORT:-55432}
BENCH_PG_DIR=${BENCH_PG_DIR:-/tmp/demodeck-bench/pg-$BENCH_PG_PORT}
BENCH_PG_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/demodeck"
BENCH_PG_USER=demodeck
BENCH_PG_PASSWORD=demodeck

bench_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

# Starts the cluster (creating it on first use) with settings for a 2-core, many-GiB machine.
# Durability stays on (fsync, synchronous_commit): a review the app acknowledged must survive a crash.
bench_pg_start() {
  bench_apt postgresql postgresql-contrib
  local bin; bin=$(bench_pg_bin)
  if [ ! -s "$BENCH_PG_DIR/PG_VERSION" ]; then
    mkdir -p "$BENCH_PG_DIR" && chown -R postgres:postgres "$(dirname "$BENCH_PG_DIR")"
    echo postgres >"$BENCH_PG_DIR.pw" && chown postgres "$BENCH_PG_DIR.pw"
    runuser -u postgres -- "$bin/initdb" -D "$BENCH_PG_DIR" -A scram-sha-256 -U postgres \
      --pwfile="$BENCH_PG_DIR.pw" -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$BENCH_PG_DIR.pw"
    cat >> "$BENCH_PG_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $BENCH_PG_PORT
unix_socket_directories = '$BENCH_PG_DIR'
max_connections = 300
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 8MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
checkpoint_timeout = 15min
wal_compression = on
shared_preload_libraries = 'pg_stat_statements'
CONF
  fi
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$BENCH_PG_DIR" status >/dev/null 2>&1; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$BENCH_PG_DIR" -l "$BENCH_PG_DIR/server.log" -w start >/dev/null
  fi
  # a cluster made before bench/profile.sh existed lacks pg_stat_statements: add it (needs a restart)
  if ! bench_psql_superuser postgres -c "show shared_preload_libraries" | grep -q pg_stat_statements; then
    bench_psql_superuser postgres -c "alter system set shared_preload_libraries = 'pg_stat_statements'" >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$BENCH_PG_DIR" -l "$BENCH_PG_DIR/server.log" -w restart >/dev/null
  fi
  bench_psql_superuser postgres <<SQL >/dev/null
select 'create role $BENCH_PG_USER login password ''$BENCH_PG_PASSWORD'''
  where not exists (select 1 from pg_roles where rolname = '$BENCH_PG_USER') \gexec
select 'create database demodeck owner $BENCH_PG_USER'
  where not exists (select 1 from pg_database where datname = 'demodeck') \gexec
SQL
}

bench_pg_stop() {
  local bin; bin=$(bench_pg_bin)
  [ -s "$BENCH_PG_DIR/PG_VERSION" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$BENCH_PG_DIR" -m fast stop >/dev/null 2>&1 || true
}

# Drops and recreates the demodeck database (the app's Flyway recreates the schema at its next start).
bench_pg_reset() {
  bench_psql_superuser postgres \
    -c "drop database if exists demodeck with (force)" -c "create database demodeck owner $BENCH_PG_USER" >/dev/null
}

# psql as the superuser on a database of the bench cluster: `bench_psql_superuser demodeck -c "select 1"`.
bench_psql_superuser() {
  local db=$1; shift
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" -qtA -v ON_ERROR_STOP=1 "$@"
}

# psql as the app's user on the bench database: `bench_psql -c "select 1"`.
bench_psql() { PGPASSWORD=$BENCH_PG_PASSWORD psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d demodeck -qtA -v ON_ERROR_STOP=1 "$@"; }

# --- the app -----------------------------------------------------------------------------------------
BENCH_JAR=$BENCH_ROOT/target/quarkus-app/quarkus-run.jar

# Packages the app unless the jar is newer than every source file. The package includes a class-data archive
# (target/quarkus-app/app-cds.jsa, Quarkus' AppCDS build step: the classes loaded while the app initialises, no
# database needed), so that the first start of a fresh package already maps it.
BENCH_PACKAGED_ARCHIVE=$BENCH_ROOT/target/quarkus-app/app-cds.jsa
bench_package() {
  if [ ! -f "$BENCH_JAR" ] || [ ! -f "$BENCH_PACKAGED_ARCHIVE" ] || [ -n "$(find "$BENCH_ROOT/src/main" "$BENCH_ROOT/migrations" "$BENCH_ROOT/questions" "$BENCH_ROOT/pom.xml" -newer "$BENCH_JAR" -print -quit)" ]; then
    (cd "$BENCH_ROOT" && mvn -q -B package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)
    bench_forget_class_archive # an archive of the previous package no longer fits
  fi
}

# Removes the class-data archive later runs wrote (docker/jvm.options: -XX:+AutoCreateSharedArchive), so the next
# start is a first start with only the packaged archive.
bench_forget_class_archive() { rm -f "$(dirname "$BENCH_JAR")/demodeck-cds.jsa"; }

# The app runs with the production JVM options (docker/jvm.options) unless BENCH_JAVA_OPTS says otherwise.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS-@$BENCH_ROOT/docker/jvm.options}

# Starts an app instance in the background on the bench database: `bench_app_start NAME PORT [VAR=value ...]`.
# Writes $BENCH_OUT/NAME.pid and NAME.log. JVM options through BENCH_JAVA_OPTS; MALLOC_ARENA_MAX=2 as in docker/Dockerfile.
bench_app_start() {
  local name=$1 port=$2; shift 2
  # from the package's directory, as `java -jar quarkus-run.jar` (a class-data archive records the class path as given):
  # the archive of docker/jvm.options (a path relative to the working directory) is there; without one yet, it starts
  # from the archive built with the package
  local dir; dir=$(dirname "$BENCH_JAR")
  if [ ! -f "$dir/demodeck-cds.jsa" ] && [ -f "$BENCH_PACKAGED_ARCHIVE" ]; then
    cp "$BENCH_PACKAGED_ARCHIVE" "$dir/demodeck-cds.jsa"
  fi
  (cd "$dir" && exec env MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_DATASOURCE_JDBC_URL="$BENCH_PG_URL" QUARKUS_DATASOURCE_USERNAME="$BENCH_PG_USER" \
      QUARKUS_DATASOURCE_PASSWORD="$BENCH_PG_PASSWORD" DEMODECK_DATA_DIR="$BENCH_OUT/data-$name" "$@" \
      java ${BENCH_JAVA_OPTS:-} -jar quarkus-run.jar >"$BENCH_OUT/$name.log" 2>&1) &
  echo $! >"$BENCH_OUT/$name.pid"
  date +%s%N >"$BENCH_OUT/$name.started"
}

# The epoch in ns at which bench_app_start launched NAME.
bench_started_ns() { cat "$BENCH_OUT/$1.started"; }

# Waits until /q/health/ready answers 200; prints the seconds since $2 (an epoch in ns from `date +%s%N`).
bench_wait_ready() {
  local port=$1 since=$2 limit=${3:-120} i
  for ((i = 0; i < limit * 20; i++)); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      awk -v a="$since" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }'
      return 0
    fi
    sleep 0.05
  done
  echo "app on port $port not ready after ${limit}s" >&2
  return 1
}

bench_app_stop() {
  local pidfile="$BENCH_OUT/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null && for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# Median and maximum of a file of numbers, one a line (e.g. bench_rss_sample's): prints "median max".
bench_median_max() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)], a[NR] }'; }

# Resident memory of a process in MiB.
bench_rss_mib() { awk '/VmRSS/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"; }

# Samples the resident memory of PID every second into FILE (MiB per line) in the background; sets RSS_SAMPLER.
bench_rss_sample() {
  local pid=$1 file=$2
  : >"$file"
  ( while kill -0 "$pid" 2>/dev/null; do bench_rss_mib "$pid" >>"$file"; sleep 1; done ) &
  RSS_SAMPLER=$!
}

# The app's runtime classpath (classes + dependencies) for the Java helpers under bench/.
bench_classpath() {
  local file=$BENCH_ROOT/target/bench-runtime-classpath.txt
  if [ ! -s "$file" ] || [ "$BENCH_ROOT/pom.xml" -nt "$file" ]; then
    (cd "$BENCH_ROOT" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$file") >&2
  fi
  echo "$BENCH_ROOT/target/classes:$(cat "$file")"
}

# --- the generated study load (bench/LoadData.java) ----------------------------------------------------
BENCH_LOAD_LEARNERS=${LEARNERS:-10000}
BENCH_LOAD_CARDS=${CARDS:-100}
BENCH_LOAD_REVIEWS=${REVIEWS:-5000000}
BENCH_LOAD_QUESTIONS=${QUESTIONS:-120}
BENCH_LOAD_DECK=bench-deck
# sign-in limits and token lifetime for a load test that signs in thousands of learners from one address
BENCH_LOAD_ENV=(DEMODECK_API_AUTH_REQUESTS_PER_MINUTE=100000000
                DEMODECK_API_ACCESS_TOKEN_TTL=PT3H)

# Makes the bench database hold the generated load: generated once into a template database (the app migrates the
# schema first), then copied from it for every run, so each run starts from the same data.
bench_load_database() {
  local template="demodeck_load_${BENCH_LOAD_LEARNERS}_${BENCH_LOAD_CARDS}_${BENCH_LOAD_REVIEWS}_${BENCH_LOAD_QUESTIONS}"
  local exists
  exists=$(bench_psql_superuser postgres -c "select 1 from pg_database where datname = '$template'")
  if [ "${REGENERATE:-0}" = 1 ] || [ -z "$exists" ]; then
    bench_pg_reset
    bench_app_start migrate $((BENCH_PG_PORT + 1))
    bench_wait_ready $((BENCH_PG_PORT + 1)) "$(bench_started_ns migrate)" >/dev/null
    bench_app_stop migrate
    echo "generating $BENCH_LOAD_LEARNERS learners x $BENCH_LOAD_CARDS cards, $BENCH_LOAD_REVIEWS review rows (COPY)"
    java -cp "$(bench_classpath)" "$BENCH_ROOT/bench/LoadData.java" "$BENCH_PG_URL" "$BENCH_PG_USER" "$BENCH_PG_PASSWORD" \
      "$BENCH_LOAD_LEARNERS" "$BENCH_LOAD_CARDS" "$BENCH_LOAD_REVIEWS" "$BENCH_LOAD_QUESTIONS" | tee "$BENCH_OUT/generate.txt"
    bench_psql_superuser postgres -c "drop database if exists $template" -c "create database $template template demodeck" >/dev/null
  else
    bench_psql_superuser postgres -c "drop database if exists demodeck with (force)" \
      -c "create database demodeck template $template owner $BENCH_PG_USER" >/dev/null
  fi
  # start with the tables and indexes in memory, as on a server that has been running
  bench_psql_superuser demodeck -c "create extension if not exists pg_prewarm" \
    -c "select sum(pg_prewarm(c.oid)) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'i')" \
    >/dev/null
}

# Access tokens of generated learners, one per line: `bench_tokens PORT [count] [stride] [file]`; by default every
# learner, into $BENCH_OUT/tokens.txt.
bench_tokens() {
  java "$BENCH_ROOT/bench/Tokens.java" "http://127.0.0.1:$1" "${2:-$BENCH_LOAD_LEARNERS}" "${4:-$BENCH_OUT/tokens.txt}" "${3:-1}"
}

# The study loop (bench/study-loop.lua) with the learners of $BENCH_OUT/tokens.txt:
# `bench_study_loop PORT CONNECTIONS SECONDS [wrk options]`; wrk's report ends with a line "STUDY-LOOP {json}".
# STUDY_PATTERN picks the client: one (one request per answer, the default), two (fetch, then grade) or mobile
# (fetch 20, sync 20 answers in one batch).
bench_study_loop() {
  local port=$1 connections=$2 seconds=$3; shift 3
  wrk -t"$connections" -c"$connections" -d"${seconds}s" "$@" -s "$BENCH_ROOT/bench/study-loop.lua" \
    "http://127.0.0.1:$port" -- "$BENCH_OUT/tokens.txt" "$connections" "$BENCH_LOAD_DECK" 0 "${STUDY_PATTERN:-one}"
}

# pgbench with bench/study-loop.pgbench on the generated learners; prints pgbench's report and a line
# "PGBENCH {json}" with tps and per-transaction latency percentiles (from its per-transaction log).
bench_pgbench() {
  local clients=$1 seconds=$2 deck first last
  deck=$(bench_psql -c "select id from deck where external_id = '$BENCH_LOAD_DECK'")
  first=$(bench_psql -c "select min(id) from app_user where username like 'load%'")
  last=$(bench_psql -c "select max(id) from app_user where username like 'load%'")
  rm -f "$BENCH_OUT"/pgbench-log*
  PGPASSWORD=$BENCH_PG_PASSWORD pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -n -M prepared \
    -c "$clients" -j 2 -T "$seconds" -D first_user="$first" -D last_user="$last" -D deck="$deck" \
    -f "$BENCH_ROOT/bench/study-loop.pgbench" -l --log-prefix="$BENCH_OUT/pgbench-log" demodeck 2>&1 \
    | tee "$BENCH_OUT/pgbench-report.txt"
  local tps failed
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$BENCH_OUT/pgbench-report.txt" | tail -1)
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$BENCH_OUT/pgbench-report.txt")
  cat "$BENCH_OUT"/pgbench-log* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" \
    '{a[NR]=$1} END {printf "PGBENCH {\"tps\":%s,\"transactions\":%d,\"p50ms\":%.2f,\"p99ms\":%.2f,\"maxms\":%.2f,\"failed\":%s}\n",
      tps, NR, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000, failed}'
}

# CPU seconds used so far by PID and its threads (user + system).
bench_cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($14 + $15) / t }' "/proc/$1/stat"; }

# CPU seconds used so far by a process that forks workers: PID itself (with the children it has reaped) plus its live
# children.
bench_tree_cpu_seconds() {
  local parent=$1 child
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$parent/stat"
    for child in $(pgrep -P "$parent"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null; done
  } | awk -v t="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f\n", s / t }'
}

# CPU seconds used so far by the bench PostgreSQL: the postmaster (with its reaped backends) plus the live backends.
bench_pg_cpu_seconds() { bench_tree_cpu_seconds "$(head -1 "$BENCH_PG_DIR/postmaster.pid")"; }

# BENCH_JAVA_OPTS as text for a results file, with an @file's options spelled out.
bench_java_opts_text() {
  local opt out=""
  for opt in ${BENCH_JAVA_OPTS:-}; do
    if [ "${opt#@}" != "$opt" ]; then
      out+="$(sed 's/#.*//' "${opt#@}" | xargs) (${opt#@$BENCH_ROOT/}) "
    else
      out+="$opt "
    fi
  done
  echo "${out:-none}"
}

# A field of a one-line JSON object (wrk's STUDY-LOOP line, pgbench's PGBENCH line): `bench_json "$line" graded`.
bench_json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# Milliseconds per item of the CPU seconds between two readings: `bench_per_review BEFORE AFTER ITEMS`.
bench_per_review() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (n > 0 ? 1000 * (b - a) / n : 0) }'; }

# A / B with two decimals (0 when B is 0).
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# --- nginx in front of app instances (Debian's nginx, a non-daemon child with its own prefix) ------------------
BENCH_NGINX=${BENCH_NGINX:-/usr/sbin/nginx}

# Starts nginx on loopback PORT with docker/nginx.conf's server block and upstream settings, its upstream servers
# replaced by app instances on loopback: `bench_nginx_start NAME PORT APP_PORT...`. Prefix, generated configuration
# and logs under $BENCH_OUT/NAME; writes $BENCH_OUT/NAME.pid (the master; stop it with bench_app_stop NAME). Workers:
# BENCH_NGINX_WORKERS (auto, as in the nginx image); no access log.
bench_nginx_start() {
  local name=$1 port=$2; shift 2
  local prefix=$BENCH_OUT/$name app servers=""
  rm -rf "$prefix" && mkdir -p "$prefix/logs" "$prefix/tmp"
  # the parameters of compose's upstream servers (max_fails, fail_timeout) for each app instance
  local params; params=$(sed -n 's/^ *server app[0-9]*:[0-9]*\(.*\);.*/\1/p' "$BENCH_ROOT/docker/nginx.conf" | head -1)
  for app in "$@"; do servers+="    server 127.0.0.1:$app$params;"$'\n'; done
  awk -v servers="$servers" -v listen="    listen 127.0.0.1:$port;" '
    /^ *server app[0-9]*:/ { if (!done) printf "%s", servers; done = 1; next }
    /^ *listen 80;/ { print listen; next }
    { print }' "$BENCH_ROOT/docker/nginx.conf" >"$prefix/site.conf"
  grep -q "listen 127.0.0.1:$port;" "$prefix/site.conf" && grep -q "server 127.0.0.1:" "$prefix/site.conf" \
    || { echo "docker/nginx.conf no longer has 'listen 80;' and 'server appN:8080' lines to replace" >&2; return 1; }
  # the rest of the nginx image's nginx.conf that matters for proxying (worker_processes auto, 1024 connections each)
  cat >"$prefix/nginx.conf" <<CONF
worker_processes ${BENCH_NGINX_WORKERS:-auto};
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_timeout 65;
    client_body_temp_path $prefix/tmp/client_body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    include $prefix/site.conf;
}
CONF
  "$BENCH_NGINX" -t -q -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf"
  "$BENCH_NGINX" -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" -g 'daemon off;' \
    >"$BENCH_OUT/$name.log" 2>&1 &
  echo $! >"$BENCH_OUT/$name.pid"
}
