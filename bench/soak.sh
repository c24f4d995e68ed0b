#!/usr/bin/env bash
# A soak through the gateway: a realistic mix for MINUTES at fixed rates (open loop, bench/LoadAtRate.java),
# with every service's heap and RSS sampled each minute; prints each route's figures and the memory trend.
#   bin/run-local --detach && bench/soak.sh [MINUTES]
# Mix: sales views (cached JSON and charts) 50/s, recommendations for random customers 100/s, review
# scoring 20/s; a catalog import runs in the background every 5 minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
MINUTES=${1:-30}
SECONDS_RUN=$((MINUTES * 60))
GATEWAY=${GATEWAY_URL:-http://localhost:8080}
KEYS=${GATEWAY_KEYS_FILE:-$ROOT/.run-local/api-keys}
key=$(GATEWAY_KEYS_FILE=$KEYS "$ROOT/bin/api-key" create admin soak benchmark --rate 1000000 2>/dev/null)
id=$(printf '%s' "$key" | cut -d_ -f2)
tmp=$(mktemp -d)
trap 'GATEWAY_KEYS_FILE=$KEYS "$ROOT/bin/api-key" revoke "$id" 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 11
printf 'none\npng\n' > "$tmp/charts"
cut -d, -f3 "$ROOT/.run-local/sample/order-lines.csv" | tail -n +2 | sort -u | head -2000 > "$tmp/users"
cut -c3- "$ROOT/../shared/data/sentiment/stsa.binary.test" > "$tmp/texts"
export LOAD_HEADER="Authorization: Bearer $key"
run() { "$JAVA_HOME/bin/java" "$ROOT/bench/LoadAtRate.java" "$@" 2>&1 | grep -v '^warm-up'; }
run "$GATEWAY/api/v1/analytics/sales/summary?charts={}" 50 "$SECONDS_RUN" "$tmp/charts" 5 > "$tmp/views.out" &
run "$GATEWAY/api/v1/recommendations/users/{}?k=10" 100 "$SECONDS_RUN" "$tmp/users" 5 > "$tmp/recs.out" &
run "$GATEWAY/sentiment" 20 "$SECONDS_RUN" "$tmp/texts" 5 > "$tmp/scoring.out" &
echo "minute,service,heap_mb,rss_mb" > "$tmp/memory.csv"
declare -A PORTS=([gateway]=8080 [analytics]=8081 [recommender]=8082 [sentiment]=8083)
for minute in $(seq 0 "$MINUTES"); do
  for svc in gateway analytics recommender sentiment; do
    heap=$(curl -sf "http://localhost:${PORTS[$svc]}/q/metrics" | grep '^jvm_memory_used_bytes{area="heap"' | awk '{s+=$NF} END {printf "%.0f", s/1048576}')
    pid=$(cat "$ROOT/.run-local/pids/$svc.pid" 2>/dev/null || echo 0)
    rss=$(( $(ps -o rss= -p "$pid" 2>/dev/null || echo 0) / 1024 ))
    echo "$minute,$svc,$heap,$rss" >> "$tmp/memory.csv"
  done
  if [ $((minute % 5)) = 2 ] && [ "$minute" -lt "$MINUTES" ]; then
    STOREFRONT_API_KEY=$key storefront_import "$GATEWAY" /api/v1/catalog/imports \
      -F "file=@$ROOT/.run-local/sample/products.csv" > /dev/null 2>&1 && echo "minute $minute: catalog import succeeded" >&2
  fi
  [ "$minute" -lt "$MINUTES" ] && sleep 60
done
wait
echo "== views 50/s";      cat "$tmp/views.out"
echo "== recommendations 100/s"; cat "$tmp/recs.out"
echo "== scoring 20/s";    cat "$tmp/scoring.out"
echo "== memory (heap used, RSS) at the start, the middle and the end"
awk -F, -v m="$MINUTES" 'NR > 1 && ($1 == 0 || $1 == int(m / 2) || $1 == m) { printf "minute %3d %-12s heap %5d MB  RSS %5d MB\n", $1, $2, $3, $4 }' "$tmp/memory.csv"
cp "$tmp/memory.csv" "${SOAK_MEMORY_CSV:-/tmp/soak-memory.csv}"
