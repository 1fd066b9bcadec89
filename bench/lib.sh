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
CONF
  fi
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$BENCH_PG_DIR" status >/dev/null 2>&1; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$BENCH_PG_DIR" -l "$BENCH_PG_DIR/server.log" -w start >/dev/null
  fi
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 <<SQL >/dev/null
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
  PGPASSWORD=postgres psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 \
    -c "drop database if exists demodeck with (force)" -c "create database demodeck owner $BENCH_PG_USER" >/dev/null
}

# psql as the app's user on the bench database: `bench_psql -c "select 1"`.
bench_psql() { PGPASSWORD=$BENCH_PG_PASSWORD psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d demodeck -qtA -v ON_ERROR_STOP=1 "$@"; }

# --- the app -----------------------------------------------------------------------------------------
BENCH_JAR=$BENCH_ROOT/target/quarkus-app/quarkus-run.jar

# Packages the app unless the jar is newer than every source file.
bench_package() {
  if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$BENCH_ROOT/src/main" "$BENCH_ROOT/migrations" "$BENCH_ROOT/questions" "$BENCH_ROOT/pom.xml" -newer "$BENCH_JAR" -print -quit)" ]; then
    (cd "$BENCH_ROOT" && mvn -q -B package -DskipTests)
  fi
}

# Starts an app instance in the background on the bench database: `bench_app_start NAME PORT [VAR=value ...]`.
# Writes $BENCH_OUT/NAME.pid and NAME.log. Extra JVM options through BENCH_JAVA_OPTS.
bench_app_start() {
  local name=$1 port=$2; shift 2
  env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_DATASOURCE_JDBC_URL="$BENCH_PG_URL" QUARKUS_DATASOURCE_USERNAME="$BENCH_PG_USER" \
      QUARKUS_DATASOURCE_PASSWORD="$BENCH_PG_PASSWORD" DEMODECK_DATA_DIR="$BENCH_OUT/data-$name" "$@" \
      java ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" >"$BENCH_OUT/$name.log" 2>&1 &
  echo $! >"$BENCH_OUT/$name.pid"
}

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

# Resident memory of a process in MiB.
bench_rss_mib() { awk '/VmRSS/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"; }
