#!/usr/bin/env bash
# Analytics import throughput: a generated flat CSV uploaded to a running analytics service.
#   bin/run-local --detach --no-sample && bench/analytics-import.sh [LINES]
# Measures wall time from the upload to the job's success (parse, validate, store, rollups). Stop the
# recommender first (kill "$(cat .run-local/pids/recommender.pid)"): after an import it syncs the new orders
# and rebuilds, on the same cores, which would be measured too.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
LINES=${1:-1000000}
URL=${ANALYTICS_URL:-http://localhost:8081}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/java" -jar "$ROOT/data-generator/target/data-generator.jar" --lines "$LINES" --seed 11 \
  --start 2019-01-01 --out "$OUT" --formats flat >/dev/null
storefront_log_mark analytics
echo "== import of $LINES order lines ($(du -h "$OUT/order-lines.csv" | cut -f1)) into $URL"
start=$(date +%s%N)
storefront_import "$URL" /api/v1/imports/order-lines -F "file=@$OUT/order-lines.csv" > "$OUT/job.json"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf 'upload to succeeded job: %d.%03d s\n' $((ms / 1000)) $((ms % 1000))
head -c 400 "$OUT/job.json"; echo
storefront_log_errors
