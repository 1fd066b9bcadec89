#!/usr/bin/env bash
# Optimizer speed and fit quality on simulated learners, written to bench/results/optimizer.md with the machine.
# Pure Java (no database, no app): the fit itself, which the app runs on one background thread per learner.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
bench_jdk

ROUNDS=${OPTIMIZER_ROUNDS:-5}
mvn -o -q test-compile
java -Xmx1g -cp target/test-classes:target/classes io.demodeck.review.optimizer.OptimizerBench "$ROUNDS" \
  | tee target/optimizer-bench.txt

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mkdir -p bench/results
{
  echo "# Optimizer benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(nproc) cores visible, ${cpu} (a shared VM: other builds ran at the same time)"
  echo "- JDK: $(java -version 2>&1 | head -1), -Xmx1g"
  echo "- command: \`bench/optimizer.sh\` (OPTIMIZER_ROUNDS=${ROUNDS})"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- logs: SimulatedLogs: DemoDeck's scheduler (fuzz on, steps 1m 10m / 10m) chooses the intervals, the learner"
  echo "  comes back on the due day (30 % of the time a few days late), recall is drawn from the true vector's"
  echo "  retrievability; cards start over 18 months, at most 40 answers each"
  echo "- targets: a fit over 10,000 reviews in at most 5 s and over 100,000 in at most 60 s on one core"
  echo
  cat target/optimizer-bench.txt
  echo
  echo "Not run: the comparison with fsrs-rs's own optimizer on the same logs. cargo is installed, but fsrs-rs needs"
  echo "its crates (burn and about 200 others) from crates.io, which this machine cannot reach, and no crate cache is"
  echo "present. The quality figures above compare the fit with the known true vector instead."
} > bench/results/optimizer.md
cat bench/results/optimizer.md
