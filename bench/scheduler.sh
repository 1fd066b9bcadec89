#!/usr/bin/env bash
# Scheduler throughput: next-state computations per second on one thread (JMH), written to
# bench/results/scheduler.md with the machine it ran on.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
bench_jdk

mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

java -cp "$CP" org.openjdk.jmh.Main SchedulerBenchmark -f 1 -wi 3 -i 5 -t 1 \
  -rf json -rff target/jmh-scheduler.json | tee target/jmh-scheduler.txt

# the same workload per second of the measuring thread's CPU time (robust when other processes share the cores)
java -cp "$CP" io.demodeck.review.scheduler.SchedulerCpuTime | tee target/scheduler-cputime.txt

score=$(python3 -c 'import json;r=json.load(open("target/jmh-scheduler.json"))[0]["primaryMetric"];print("%.0f ± %.0f" % (r["score"], r["scoreError"]))')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
jdk=$(java -version 2>&1 | head -1)
mkdir -p bench/results
{
  echo "# Scheduler benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(nproc) cores visible, ${cpu}"
  echo "- JDK: ${jdk}"
  echo "- command: \`bench/scheduler.sh\` (JMH, 1 fork, 3 warm-up + 5 measured iterations of 10 s, 1 thread)"
  echo "- workload: 4096 pre-built cards (10% new, 15% learning, 65% review, 10% relearning), answers 10% Again /"
  echo "  12% Hard / 70% Good / 8% Easy, fuzz on, zone Europe/Berlin with a 4 a.m. rollover"
  echo
  echo "- load average while running: $(cut -d' ' -f1-3 /proc/loadavg) (other builds share the 2 cores)"
  echo "- JMH counts per second of wall time: with a load above the core count the benchmark thread gets only part"
  echo "  of a core, so the per-CPU-second figure of the same workload (SchedulerCpuTime) is reported as well; CPU"
  echo "  time on a hyper-threaded core shared with other work is itself slower than on an idle one"
  echo
  echo "**JMH: ${score} next-state computations per second of wall time** (target: at least 5,000,000)"
  echo
  echo "**Per CPU-second of the benchmark thread: $(tail -1 target/scheduler-cputime.txt)**"
  echo
  echo '```'
  cat target/scheduler-cputime.txt
  echo '```'
  echo
  echo '```'
  sed -n '/^Benchmark/,$p' target/jmh-scheduler.txt
  echo '```'
} > bench/results/scheduler.md
cat bench/results/scheduler.md
