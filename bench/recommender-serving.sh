#!/usr/bin/env bash
# The recommender at the issue's scale: a generated store of LINES order lines over PRODUCTS products
# loaded into running services, then the feed sync, the model rebuild, memory, and recommendation
# latency at a fixed rate (open loop, bench/LoadAtRate.java) for random customers and products.
#   STOREFRONT_DB=recbench bin/run-local --detach --no-sample && bench/recommender-serving.sh [LINES] [PRODUCTS] [RATE] [SECONDS]
# BENCH_LOADED=1 skips the imports and the sync (the same store is already loaded, e.g. after a restart
# with a new build): the model is rebuilt and measured.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
LINES=${1:-1000000}
PRODUCTS=${2:-50000}
RATE=${3:-300}
SECONDS_RUN=${4:-60}
ANALYTICS=${ANALYTICS_URL:-http://localhost:8081}
RECOMMENDER=${RECOMMENDER_URL:-http://localhost:8082}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
now() { date +%s%N; }
secs() { local ms=$(( ($2 - $1) / 1000000 )); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }

storefront_log_mark analytics recommender
"$JAVA_HOME/bin/java" -jar "$ROOT/data-generator/target/data-generator.jar" --lines "$LINES" --products "$PRODUCTS" \
  --seed 23 --out "$OUT" --formats flat,products >&2
if [ -z "${BENCH_LOADED:-}" ]; then
t=$(now); storefront_import "$ANALYTICS" /api/v1/imports/order-lines -F "file=@$OUT/order-lines.csv" >/dev/null
echo "analytics import of $LINES lines: $(secs "$t" "$(now)") s"
t=$(now); storefront_import "$RECOMMENDER" /api/v1/catalog/imports -F "file=@$OUT/products.csv" >/dev/null
echo "catalog import of $PRODUCTS products: $(secs "$t" "$(now)") s"
t=$(now)
while :; do
  run=$(curl -sS -f -X POST "$RECOMMENDER/api/v1/recommender/sync")
  rows=$(printf '%s' "$run" | sed -nE 's/.*"analytics.order-lines":([0-9]+).*/\1/p')
  [ "${rows:-0}" = 0 ] && break
done
echo "feed sync of the order lines: $(secs "$t" "$(now)") s"
fi
t=$(now); job=$(storefront_import "$RECOMMENDER" /api/v1/recommender/model/builds -X POST)
echo "model rebuild (request to succeeded job): $(secs "$t" "$(now)") s"
echo "model: $(printf '%s' "$job" | sed -nE 's/.*"result":(\{[^}]*\}).*/\1/p')"
pid=$(cat "$ROOT/.run-local/pids/recommender.pid" 2>/dev/null || true)
heap() { curl -sf "$RECOMMENDER/q/metrics" | grep '^jvm_memory_used_bytes{area="heap"' | awk '{s+=$NF} END {printf "%.0f", s/1048576}'; }
[ -n "$pid" ] && echo "recommender after the build: heap used $(heap) MB, RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MB"

# customers and products drawn from the generated lines (fixed seed: the same every run)
cut -d, -f3 "$OUT/order-lines.csv" | tail -n +2 | sort -u | shuf -n 5000 --random-source=<(yes) > "$OUT/users.txt"
cut -d, -f1 "$OUT/products.csv" | tail -n +2 | shuf -n 5000 --random-source=<(yes) > "$OUT/products.txt"
echo "GET /api/v1/recommendations/users/{id}?k=10 at $RATE/s:"
"$JAVA_HOME/bin/java" "$ROOT/bench/LoadAtRate.java" "$RECOMMENDER/api/v1/recommendations/users/{}?k=10" \
  "$RATE" "$SECONDS_RUN" "$OUT/users.txt" 10
echo "GET /api/v1/recommendations/users/{id}?k=10&excludeBought=true (new-items lists) at $RATE/s:"
"$JAVA_HOME/bin/java" "$ROOT/bench/LoadAtRate.java" "$RECOMMENDER/api/v1/recommendations/users/{}?k=10&excludeBought=true" \
  "$RATE" "$SECONDS_RUN" "$OUT/users.txt" 10
echo "GET /api/v1/recommendations/products/{id}/similar?k=10 at $RATE/s:"
"$JAVA_HOME/bin/java" "$ROOT/bench/LoadAtRate.java" "$RECOMMENDER/api/v1/recommendations/products/{}/similar?k=10" \
  "$RATE" "$SECONDS_RUN" "$OUT/products.txt" 5
[ -n "$pid" ] && echo "recommender after the load: heap used $(heap) MB, RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
storefront_log_errors
