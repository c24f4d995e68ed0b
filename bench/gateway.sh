#!/usr/bin/env bash
# What the gateway adds and how much it carries on cached routes (open-loop load, bench/LoadAtRate.java):
# the same cached analytics view direct and through the gateway at 500/s, then the gateway at RATE/s on a
# cached JSON view and a cached chart image. Needs a running suite with data (bin/run-local --detach).
#   bench/gateway.sh [RATE] [SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
RATE=${1:-2000}
SECONDS_RUN=${2:-30}
GATEWAY=${GATEWAY_URL:-http://localhost:8080}
ANALYTICS=${ANALYTICS_URL:-http://localhost:8081}
# a key of its own, limited far above the load so that rate limiting is not what is measured
key=$(GATEWAY_KEYS_FILE=${GATEWAY_KEYS_FILE:-$ROOT/.run-local/api-keys} "$ROOT/bin/api-key" create reader gateway benchmark --rate 1000000 2>/dev/null)
id=$(printf '%s' "$key" | cut -d_ -f2)
trap 'GATEWAY_KEYS_FILE=${GATEWAY_KEYS_FILE:-$ROOT/.run-local/api-keys} "$ROOT/bin/api-key" revoke "$id" 2>/dev/null || true' EXIT
sleep 11   # the gateway re-reads the keys file every 10 s
tmp=$(mktemp -d)
echo none > "$tmp/none"; echo png > "$tmp/png"
load() { "$JAVA_HOME/bin/java" "$ROOT/bench/LoadAtRate.java" "$@" 2>&1 | grep -v '^warm-up'; }
echo "== cached JSON view, 500/s, direct to analytics"
load "$ANALYTICS/api/v1/sales/summary?charts={}" 500 "$SECONDS_RUN" "$tmp/none" 10
echo "== the same through the gateway (API key, rate limit, request id, guard)"
LOAD_HEADER="Authorization: Bearer $key" load "$GATEWAY/api/v1/analytics/sales/summary?charts={}" 500 "$SECONDS_RUN" "$tmp/none" 10
echo "== through the gateway at $RATE/s: cached JSON view"
LOAD_HEADER="Authorization: Bearer $key" load "$GATEWAY/api/v1/analytics/sales/summary?charts={}" "$RATE" "$SECONDS_RUN" "$tmp/none" 10
echo "== through the gateway at $RATE/s: cached chart image (PNG)"
LOAD_HEADER="Authorization: Bearer $key" load "$GATEWAY/api/v1/analytics/sales/charts/monthly-sales.{}" "$RATE" "$SECONDS_RUN" "$tmp/png" 10
