#!/usr/bin/env bash
# Zero-shot accuracy of the sentiment scorer on ../shared/data/sentiment (and the calibration it uses).
#   bench/sentiment-accuracy.sh            results go to stdout; copy them to BENCHMARKS.md
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
cd "$ROOT"
./mvnw -B -q -pl sentiment-service -am install -DskipTests
./mvnw -B -q -pl sentiment-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="sentiment-service/target/classes:sentiment-service/target/test-classes:$(cat sentiment-service/target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$CP" io.storefront.sentiment.bench.AccuracyBenchmark "$ROOT/../shared/data/sentiment" 2>&1 \
  | grep -v '^SLF4J'
