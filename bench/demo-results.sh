#!/usr/bin/env bash
# Regenerates docs/DEMOS-RESULTS.md: every demo on the small and medium presets, measured on this machine
# (child JVMs and the Go program, as the server runs them), each claim's verdict, Go beside Java.
# Usage: bench/demo-results.sh [OUTPUT=docs/DEMOS-RESULTS.md]   Needs a JDK 21+; Go (and gcc for -race) if present.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/DEMOS-RESULTS.md}
mvn -o -q test-compile
# the demo classes need only the JDK (annotations of absent libraries are ignored at run time)
java -cp target/classes:target/test-classes io.demodeck.demo.DemoResultsReport "$OUT"
