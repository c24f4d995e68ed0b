#!/usr/bin/env bash
# Batch speed of the full sentiment pipeline over the SST-2 training sentences, on THREADS threads (default: cores).
#   bench/sentiment-speed.sh [THREADS]     results go to stdout; copy them to BENCHMARKS.md
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
cd "$ROOT"
./mvnw -B -q -pl sentiment-service -am install -DskipTests
./mvnw -B -q -pl sentiment-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="sentiment-service/target/classes:sentiment-service/target/test-classes:$(cat sentiment-service/target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$CP" io.storefront.sentiment.bench.ThroughputBenchmark "$ROOT/../shared/data/sentiment" "${1:-$(nproc)}" 2>&1 \
  | grep -v '^SLF4J'
