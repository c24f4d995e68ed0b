#!/usr/bin/env bash
# Latency of the sales views through the gateway: cold (every request a new query, so numbers and
# charts are computed and drawn) and cached (the same query again), plus 304 revalidation.
#   bin/run-local --detach [--lines N] && bench/views.sh [REQUESTS]   (STOREFRONT_API_KEY, or a key of its own)
# A run warms the JIT on other parameters first, then measures; each cold request has parameters of its own.
# Prints p50/p95/max in milliseconds per case (curl's time_total on loopback). Stop the recommender first
# (kill "$(cat .run-local/pids/recommender.pid)"): a feed sync after an import shares the cores.
set -euo pipefail
BASE=${GATEWAY_URL:-http://localhost:8080}
N=${1:-60}
# the gateway wants a key: STOREFRONT_API_KEY, else one of its own (analyst, limited far above what this
# sends, so that rate limiting is not what is measured), revoked at the end
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KEY=${STOREFRONT_API_KEY:-}
if [ -z "$KEY" ]; then
  KEYS_FILE=${GATEWAY_KEYS_FILE:-$ROOT/.run-local/api-keys}
  KEY=$(GATEWAY_KEYS_FILE=$KEYS_FILE "$ROOT/bin/api-key" create analyst views benchmark --rate 1000000 2>/dev/null)
  trap 'GATEWAY_KEYS_FILE=$KEYS_FILE "$ROOT/bin/api-key" revoke "$(printf %s "$KEY" | cut -d_ -f2)" >/dev/null 2>&1 || true' EXIT
  sleep 11   # the gateway re-reads the keys file every 10 s
fi
curl() { command curl -H "Authorization: Bearer $KEY" "$@"; }

# input: "seconds http-code" per request; a case with an answer other than 200 or 304 says how many
stats() {
  sort -n | awk -v label="$1" '{a[NR]=$1*1000; if ($2 != 200 && $2 != 304) bad++} END {
    printf "%-44s n=%-4d p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%s\n", label, NR, a[int(NR*0.5)+0], a[int(NR*0.95)+0],
      a[NR], bad ? "  ERRORS: " bad : "" }'
}

first=$(curl -sf "$BASE/analytics/sales?charts=none" | sed -nE 's/.*"from":"([0-9-]+)".*/\1/p')
[ -n "$first" ] || { echo "no data behind $BASE/analytics/sales"; exit 1; }
dims=$(curl -sf "$BASE/api/v1/analytics/sales/dimensions")
mapfile -t states < <(echo "$dims" | sed 's/.*"states"://' | grep -oE '"name":"[^"]+"' | cut -d'"' -f4)
category=$(echo "$dims" | sed -nE 's/.*"categories":\[\{"name":"([^"]+)".*/\1/p')
enc() { printf '%s' "$1" | sed 's/ /%20/g'; }

# Every view with new parameters per request, so numbers are read and charts drawn each time: a date range
# whose last day moves from OFFSET on (no two requests share a cache key), and a state of its own for the
# customer views. Run once unmeasured with other dates and another state (so that the JIT has compiled
# what a running service has), then measured: "cold" is the cache, not the JVM.
cold_cases() {
  local offset=$1 count=$2 state=${states[$3]} store_charts=$4 view d k m to
  for charts in none png; do
    for d in $(seq 0 $((count - 1))); do
      to=$(date -d "$first + $((offset + d)) days" +%F)
      curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/analytics/sales?from=$first&to=$to&charts=$charts"
    done | stats "cold, charts=$charts"
  done
  for view in "trend?interval=month" "trend?interval=week" "trend?interval=month&category=$(enc "$category")" \
              "payment-modes?x=1" "regions?x=1" "regions?state=$(enc "$state")" "profit?by=sub-category" \
              "profit?state=$(enc "$state")&paymentMode=UPI"; do
    for d in $(seq 0 $((count - 1))); do
      to=$(date -d "$first + $((offset + d)) days" +%F)
      curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/sales/$view&from=$first&to=$to&charts=png"
    done | stats "cold png: ${view%%&*}"
  done
  for view in "products/top?by=revenue" "products/treemap?level=sub-category" "products/average-order-value?x=1"; do
    for d in $(seq 0 $((count - 1))); do
      to=$(date -d "$first + $((offset + d)) days" +%F)
      curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/$view&from=$first&to=$to&charts=png"
    done | stats "cold png: ${view%%\?*}"
  done
  for d in $(seq 0 $((count - 1))); do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' \
      "$BASE/api/v1/analytics/customers/segments?thresholds=fixed&low=$((offset * 10 + d))&high=100000&charts=png"
  done | stats "cold png: customers/segments"
  # the first view of a state selects its customers from the snapshot; later ones reuse them
  for k in 2 3 4 5 6 7 8 9 10; do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/customers/clusters?k=$k&state=$(enc "$state")&charts=png"
  done | stats "cold png: customers/clusters (k=2..10, a state)"
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/customers/clusters?state=$(enc "$state")&charts=png" \
    | stats "cold png: customers/clusters (k by silhouette)"
  # all customers: nine keys in all per chart format, so the unmeasured run asks them without charts
  for k in 2 3 4 5 6 7 8 9 10; do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/customers/clusters?k=$k&charts=$store_charts"
  done | stats "cold $store_charts: customers/clusters (k=2..10, all)"
  for m in $(seq 1 36); do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/customers/cohorts?months=$m&state=$(enc "$state")&charts=png"
  done | stats "cold png: customers/cohorts (months=1..36, a state)"
}

offset=$((200 + RANDOM % 400))
pick=$((RANDOM % (${#states[@]} - 1)))
# the unmeasured run asks as many as the measured one: with 10 a case (as before 2026-12-03) a run right
# after a start measured the JIT (p95 up to 68 ms against 34 ms in the run after it)
cold_cases $((offset + N)) "$N" $((pick + 1)) none >/dev/null
cold_cases "$offset" "$N" "$pick" png
for charts in none png; do
  curl -s -o /dev/null "$BASE/api/v1/analytics/customers/rfm?charts=$charts"
  for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/customers/rfm?charts=$charts"
  done | stats "cached, customers/rfm charts=$charts"
done
for charts in none png; do
  curl -s -o /dev/null "$BASE/analytics/sales?charts=$charts"
  for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/analytics/sales?charts=$charts"
  done | stats "cached, charts=$charts"
done
etag=$(curl -s -D - -o /dev/null "$BASE/analytics/sales" | sed -nE 's/^[Ee][Tt]ag: (.*)\r$/\1/p')
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -H "If-None-Match: $etag" -w '%{time_total} %{http_code}\n' "$BASE/analytics/sales"
done | stats "304 revalidation"
curl -s -o /dev/null "$BASE/api/v1/analytics/sales/charts/monthly-sales.png"
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$BASE/api/v1/analytics/sales/charts/monthly-sales.png"
done | stats "cached chart image (monthly-sales.png)"
# Cached again with keep-alive, as a shop backend or the dashboard's browser would ask (curl above pays a
# process and a connection per request, ~3 ms): wrk on one connection for 10 s, if it is installed
# (apt-get install wrk).
if command -v wrk >/dev/null; then
  LUA=$(mktemp --suffix .lua)
  cat > "$LUA" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("n=%-6d p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms%s\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status > 0 and ("  ERRORS: " .. summary.errors.status) or ""))
end
LUA
  for path in "/analytics/sales?charts=none" "/analytics/sales?charts=png" "/api/v1/analytics/customers/rfm?charts=png" \
              "/api/v1/analytics/sales/charts/monthly-sales.png"; do
    printf '%-44s ' "keep-alive cached ${path#/api/v1}"
    wrk -t1 -c1 -d10s -s "$LUA" -H "Authorization: Bearer $KEY" "$BASE$path" | tail -1
  done
  printf '%-44s ' "keep-alive 304 revalidation"
  wrk -t1 -c1 -d10s -s "$LUA" -H "Authorization: Bearer $KEY" -H "If-None-Match: $etag" "$BASE/analytics/sales" | tail -1
  rm -f "$LUA"
fi
