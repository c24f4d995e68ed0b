#!/usr/bin/env bash
# What the request-metric conventions (histogram buckets, the uri filter) cost a request, in nanoseconds:
#   bench/metrics-cost.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
CP=$(storefront_bench_classpath service-commons)
"$JAVA_HOME/bin/java" -cp "$CP" io.storefront.commons.metrics.RequestMetricsCost
