#!/usr/bin/env bash
# Where the CPU of one graded review goes: the study loop of bench/load.sh at CONNECTIONS connections for
# DURATION seconds, with a JFR CPU profile of the app (settings=profile) and pg_stat_statements on PostgreSQL over
# the same window. Writes bench/results/profile.md: CPU per review on each side, the app's samples by component and
# its hottest frames, and the statements by total execution time. bench/load.sh gives the throughput figures.
# Usage: bench/profile.sh      (CONNECTIONS=64 DURATION=60 WARMUP=30 STUDY_PATTERN=one; "two" or "mobile" profile the other clients)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-30}
PORT=${PORT:-18083}
RESULTS=${RESULTS:-bench/results/profile.md}

bench_jdk
bench_apt wrk
bench_package
bench_pg_start
bench_load_database
bench_psql_superuser demodeck -c "create extension if not exists pg_stat_statements" >/dev/null

# deep enough stacks that every sample reaches the resource method (JFR keeps 64 frames by default)
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=512"
bench_app_start profile "$PORT" "${BENCH_LOAD_ENV[@]}"
trap 'bench_app_stop profile' EXIT
bench_wait_ready "$PORT" "$(bench_started_ns profile)" >/dev/null
pid=$(cat "$BENCH_OUT/profile.pid")
bench_tokens "$PORT"
loop() { bench_study_loop "$PORT" "$1" "$2" --latency; } # connections seconds
loop 64 "$WARMUP" >/dev/null

jfr_file=$BENCH_OUT/profile.jfr
rm -f "$jfr_file"
bench_psql_superuser demodeck -c "select pg_stat_statements_reset()" >/dev/null
a0=$(bench_cpu_seconds "$pid"); p0=$(bench_pg_cpu_seconds)
jcmd "$pid" JFR.start name=study settings=profile filename="$jfr_file" >/dev/null
loop "$CONNECTIONS" "$DURATION" >"$BENCH_OUT/wrk-profile.txt"
jcmd "$pid" JFR.stop name=study >/dev/null
a1=$(bench_cpu_seconds "$pid"); p1=$(bench_pg_cpu_seconds)
summary=$(sed -n 's/^STUDY-LOOP //p' "$BENCH_OUT/wrk-profile.txt")
graded=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['graded'])" "$summary")
statements=$(bench_psql_superuser demodeck -F $'\t' -c "
  select calls, round(total_exec_time::numeric, 1), round((total_exec_time / calls)::numeric, 3),
         round(shared_blks_hit::numeric / calls, 1), regexp_replace(left(query, 110), '\s+', ' ', 'g')
  from pg_stat_statements where calls > 0 order by total_exec_time desc limit 8")
jfr print --json --stack-depth 512 --events jdk.ExecutionSample "$jfr_file" >"$BENCH_OUT/profile-samples.json"

python3 - "$BENCH_OUT/profile-samples.json" "$graded" "$a0" "$a1" "$p0" "$p1" "$statements" "$summary" \
  "$(bench_machine)" "$(bench_java_opts_text)" "$CONNECTIONS" "$DURATION" >"$RESULTS" <<'PY'
import collections, datetime, json, sys

samples_file, graded, a0, a1, p0, p1, statements, summary, machine, jvm, connections, duration = sys.argv[1:]
graded = int(graded)
loop = json.loads(summary)
events = json.load(open(samples_file))["recording"]["events"]

# a sample belongs to the component of its innermost frame outside the JDK (the JDK's own code is charged to
# whoever called it), so "our code" is what io.demodeck methods run themselves, plus JDK calls they make directly
COMPONENTS = [
    ("io/demodeck/", "DemoDeck (io.demodeck)"),
    ("org/postgresql/", "PostgreSQL JDBC driver"),
    ("io/agroal/", "connection pool (Agroal)"),
    ("org/hibernate/", "Hibernate ORM"),
    ("io/smallrye/jwt/", "JWT (smallrye-jwt, jose4j)"), ("org/jose4j/", "JWT (smallrye-jwt, jose4j)"),
    ("com/fasterxml/jackson/", "JSON (Jackson)"),
    ("org/jboss/resteasy/", "REST layer (RESTEasy Reactive)"),
    ("io/quarkus/vertx/", "HTTP and security (Quarkus, Vert.x, Netty)"),
    ("io/quarkus/security/", "HTTP and security (Quarkus, Vert.x, Netty)"),
    ("io/vertx/", "HTTP and security (Quarkus, Vert.x, Netty)"),
    ("io/netty/", "HTTP and security (Quarkus, Vert.x, Netty)"),
    ("io/quarkus/arc/", "CDI (ArC) and context propagation"), ("io/smallrye/context/", "CDI (ArC) and context propagation"),
    ("io/smallrye/mutiny/", "CDI (ArC) and context propagation"),
    ("io/quarkus/narayana/", "transactions (Narayana)"), ("com/arjuna/", "transactions (Narayana)"),
    ("io/quarkus/", "other Quarkus runtime"),
]

def name(frame):
    return frame["method"]["type"]["name"] + "." + frame["method"]["name"]

def owner(frame):
    # hidden classes (lambdas, method handles) are named with dots; a lambda counts for the class that made it
    return frame["method"]["type"]["name"].replace(".", "/").split("$$Lambda")[0]

def component(frames):
    for frame in frames:
        type_name = owner(frame)
        for prefix, label in COMPONENTS:
            if type_name.startswith(prefix):
                return label
        if not type_name.startswith(("java/", "jdk/", "sun/")):
            return "other libraries (" + ".".join(type_name.split("/")[:2]) + ")"
    return "JDK only (virtual-thread scheduling, GC barriers, …)"

outside = 0
by_component = collections.Counter()
by_frame = collections.Counter()
ours = collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"]
    if not frames:
        continue
    by_component[component(frames)] += 1
    by_frame[name(frames[0])] += 1
    # generated CDI proxies and lambdas stand for the method beside them: leave them out
    on_stack = {name(f).replace("/", ".") for f in frames if owner(f).startswith("io/demodeck/")
                and "$$Lambda" not in f["method"]["type"]["name"] and "_ClientProxy" not in f["method"]["type"]["name"]}
    for method in on_stack:
        ours[method] += 1
    outside += 0 if on_stack else 1
total = sum(by_component.values())

app_ms = 1000 * (float(a1) - float(a0)) / graded
pg_ms = 1000 * (float(p1) - float(p0)) / graded
print("# Profile of the study loop: where the CPU of a graded review goes")
print()
print(f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')}")
print(f"- machine: {machine}")
print(f"- command: `bench/profile.sh` (CONNECTIONS={connections} DURATION={duration} STUDY_PATTERN={loop['pattern']}), app JVM options: `{jvm}`")
print(f"- load: wrk with bench/study-loop.lua at {connections} connections for {duration} s after a warm-up (as bench/load.sh);"
      f" {graded} graded reviews, {loop['gradedPerSecond']} / s, p50 {loop['p50ms']} ms, p99 {loop['p99ms']} ms, "
      f"{loop['failed'] + loop['non2xx'] + loop['socketErrors']} failed")
print("- app profile: JFR `settings=profile` (execution samples every 10 ms per running thread) over the same window;"
      " PostgreSQL: pg_stat_statements reset at the start of the window. Profiling costs the app CPU of its own, so the"
      " rate and the app's CPU per review here are a little worse than in bench/results/load.md")
print()
print(f"**CPU per graded review: app {app_ms:.2f} ms + PostgreSQL {pg_ms:.2f} ms = {app_ms + pg_ms:.2f} ms**"
      f" (pattern {loop['pattern']}, {loop['requestsPerReview']} HTTP requests per review; see bench/study-loop.lua); on 2 cores that"
      f" bounds the loop at about {2000 / (app_ms + pg_ms):.0f} reviews / s before wrk's own CPU")
print()
print("## PostgreSQL: statements by total execution time")
print()
print("| calls | per review | total ms | ms per call | buffer hits per call | statement (start) |")
print("|---|---|---|---|---|---|")
for row in statements.splitlines():
    calls, total_ms, per_call, hits, query = row.split("\t", 4)
    print(f"| {calls} | {int(calls) / graded:.2f} | {total_ms} | {per_call} | {hits} | `{query.replace('|', '/')}` |")
print()
print(f"## App: execution samples by component ({total} samples)")
print()
print("A sample is charged to the innermost frame outside the JDK, so JDK code counts for the library that called it.")
print()
print("| component | share of samples |")
print("|---|---|")
for label, count in by_component.most_common():
    print(f"| {label} | {100 * count / total:.1f} % |")
print()
print("## App: hottest frames (self time)")
print()
print("| share | method |")
print("|---|---|")
for frame, count in by_frame.most_common(15):
    print(f"| {100 * count / total:.1f} % | `{frame.replace('/', '.')}` |")
print()
print("## App: DemoDeck methods on the stack (inclusive: with everything they call)")
print()
print("Route handlers that pass the request on (ApiCookieGuard, OversizeBodies) carry everything that runs after them;")
print("the resource methods (ReviewResource.submit, StudyResource.queue) carry the work of one request, database calls")
print("included. Samples outside every DemoDeck method are HTTP parsing, routing, authentication and response writing.")
print()
print("| share | method |")
print("|---|---|")
print(f"| {100 * outside / total:.1f} % | (no DemoDeck method on the stack) |")
for frame, count in ours.most_common(20):
    print(f"| {100 * count / total:.1f} % | `{frame}` |")
PY
cat "$RESULTS"
