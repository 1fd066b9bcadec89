#!/usr/bin/env bash
# Study-queue next-card latency at 10 thousand and 1 million card states on an embedded PostgreSQL;
# writes bench/results/queue-latency.md (median, p99 and EXPLAIN (ANALYZE, BUFFERS) of each query).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"

mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.demodeck.review.QueueLatencyBench "$@"
