#!/usr/bin/env bash
# Sentiment benchmarks over ../shared/data/sentiment; results go to stdout, copy them to BENCHMARKS.md.
#   bench/sentiment.sh accuracy            zero-shot accuracy, subjectivity AUC, and the calibration it uses
#   bench/sentiment.sh speed [THREADS]     full-pipeline batch speed over SST-2 train (default: all cores)
#   bench/sentiment.sh trained             10-fold cross-validated accuracy of the trained model on MR, Subj, MPQA
#   bench/sentiment.sh subjectivity-model  trains the subjectivity model the service ships (from VADER's rated
#                                          snippets, see SubjectivityTraining) into sentiment-service/src/main/resources
#   bench/sentiment.sh latency [URL] [RATE] [SECONDS]
#                                          one review per request at a fixed rate against a running service
#                                          (bin/run-local --detach first; default http://localhost:8083/api/v1/sentiment, 200/s, 60 s)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
if [ "${1:-}" = latency ]; then
  TEXTS=$(mktemp)
  trap 'rm -f "$TEXTS"' EXIT
  cut -c3- "$ROOT/../shared/data/sentiment/stsa.binary.test" > "$TEXTS"   # 1,821 review sentences
  "$JAVA_HOME/bin/java" "$ROOT/bench/LoadAtRate.java" "${2:-http://localhost:8083/api/v1/sentiment}" \
    "${3:-200}" "${4:-60}" "$TEXTS"
  exit
fi
case "${1:-}" in
  accuracy) MAIN=io.storefront.sentiment.bench.AccuracyBenchmark; ARGS=() ;;
  speed) MAIN=io.storefront.sentiment.bench.ThroughputBenchmark; ARGS=("${2:-$(nproc)}") ;;
  trained) MAIN=io.storefront.sentiment.bench.TrainedBenchmark; ARGS=() ;;
  subjectivity-model) MAIN=io.storefront.sentiment.bench.SubjectivityTraining
    ARGS=("$ROOT/sentiment-service/src/main/resources/models/subjectivity.bin") ;;
  *) echo "usage: $0 accuracy | speed [THREADS] | trained | subjectivity-model | latency [URL] [RATE] [SECONDS]" >&2; exit 2 ;;
esac
CP=$(storefront_bench_classpath sentiment-service)
"$JAVA_HOME/bin/java" -cp "$CP" "$MAIN" "$ROOT/../shared/data/sentiment" "${ARGS[@]}" 2>&1 | grep -v '^SLF4J'
