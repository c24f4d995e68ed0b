#!/usr/bin/env bash
# Sentiment benchmarks over ../shared/data/sentiment; results go to stdout, copy them to BENCHMARKS.md.
#   bench/sentiment.sh accuracy            zero-shot accuracy, subjectivity AUC, and the calibration it uses
#   bench/sentiment.sh speed [THREADS]     full-pipeline batch speed over SST-2 train (default: all cores)
#   bench/sentiment.sh trained             10-fold cross-validated accuracy of the trained model on MR, Subj, MPQA
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
case "${1:-}" in
  accuracy) MAIN=io.storefront.sentiment.bench.AccuracyBenchmark; ARGS=() ;;
  speed) MAIN=io.storefront.sentiment.bench.ThroughputBenchmark; ARGS=("${2:-$(nproc)}") ;;
  trained) MAIN=io.storefront.sentiment.bench.TrainedBenchmark; ARGS=() ;;
  *) echo "usage: $0 accuracy | speed [THREADS] | trained" >&2; exit 2 ;;
esac
cd "$ROOT"
./mvnw -B -q -pl sentiment-service -am install -DskipTests
./mvnw -B -q -pl sentiment-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="sentiment-service/target/classes:sentiment-service/target/test-classes:$(cat sentiment-service/target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$CP" "$MAIN" "$ROOT/../shared/data/sentiment" "${ARGS[@]}" 2>&1 | grep -v '^SLF4J'
