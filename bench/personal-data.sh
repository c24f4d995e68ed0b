#!/usr/bin/env bash
# What a customer's data requests cost on a running store (bin/run-local --detach [--lines N]): for the COUNT
# customers with the most order lines in the sample, the export (GET) and the erasure (DELETE) through the
# gateway, each one's time and size, then what an erasure sets off: the recommender's rebuild on the instance
# that erased, and analytics re-warming its views for the new data version (read from the services' logs).
# Then BURST (default 20) more customers erased back to back, as a backlog of requests is worked off, and the
# customer segments view right after.
#   bench/personal-data.sh [COUNT] [SKIP]    (SKIP: leave out that many of the most active first, e.g. erased before)
# ORDERS_CSV: the store's order lines (default .run-local/sample/order-lines.csv). The customers are erased:
# run it on a sample store, never on one whose customers matter.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT=${1:-5}
SKIP=${2:-0}
GATEWAY=${GATEWAY_URL:-http://localhost:8080}
ORDERS_CSV=${ORDERS_CSV:-$ROOT/.run-local/sample/order-lines.csv}
LOGS=${LOGS:-$ROOT/.run-local/logs}
key=$(cat "$ROOT/.run-local/dev-api-key")   # admin: export and erasure need it
auth="Authorization: Bearer $key"
# the third column is the customer id; the sample's ids hold no commas or quotes
customers=$(tail -n +2 "$ORDERS_CSV" | cut -d, -f3 | sort | uniq -c | sort -rn | awk -v s="$SKIP" -v n="$COUNT" 'NR > s && NR <= s + n {print $2}')
built() { curl -sf -H "$auth" "$GATEWAY/api/v1/recommender/model" | sed -n 's/.*"builtAt":"\([^"]*\)".*/\1/p'; }
printf '%-8s %12s %10s %10s %12s %10s %s\n' customer "order lines" "export ms" "export kB" "erasure ms" "rebuild s" "erased"
for c in $customers; do
  lines=$(tail -n +2 "$ORDERS_CSV" | cut -d, -f3 | grep -cx "$c")
  export_stats=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "$auth" "$GATEWAY/api/v1/personal-data/$c")
  read -r code seconds bytes <<< "$export_stats"
  [ "$code" = 200 ] || { echo "export of $c answered $code" >&2; exit 1; }
  before=$(built)
  erased=$(curl -s -w '\n%{http_code} %{time_total}' -X DELETE -H "$auth" "$GATEWAY/api/v1/personal-data/$c")
  read -r ecode eseconds <<< "$(tail -n1 <<< "$erased")"
  [ "$ecode" = 200 ] || { echo "erasure of $c answered $ecode: $(head -n1 <<< "$erased")" >&2; exit 1; }
  counts=$(head -n1 <<< "$erased" | sed 's/.*"services"://; s/[{}"]//g')
  rebuild=0
  if grep -q 'Deleted:[1-9]' <<< "$counts"; then   # the recommender rebuilds only when it deleted something
    start=$(date +%s.%N)
    until [ "$(built)" != "$before" ]; do sleep 0.2; done
    rebuild=$(echo "$(date +%s.%N) - $start" | bc)
  fi
  printf '%-8s %12s %10.0f %10.0f %12.0f %10.1f %s\n' "$c" "$lines" "$(echo "$seconds * 1000" | bc)" \
    "$(echo "$bytes / 1024" | bc)" "$(echo "$eseconds * 1000" | bc)" "$rebuild" "$counts"
done
echo "== analytics re-warming its views after each erasure (its log):"
grep -h "views warmed for data version" "$LOGS"/analytics*.log | tail -n "$COUNT"

BURST=${BURST:-20}
burst=$(tail -n +2 "$ORDERS_CSV" | cut -d, -f3 | sort | uniq -c | sort -rn \
  | awk -v s="$((SKIP + COUNT))" -v n="$BURST" 'NR > s && NR <= s + n {print $2}')
warmed_before=$(grep -ch "views warmed for data version" "$LOGS"/analytics*.log || true)
start=$(date +%s.%N)
for c in $burst; do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X DELETE -H "$auth" "$GATEWAY/api/v1/personal-data/$c"
done > "${TMPDIR:-/tmp}/personal-data-burst.txt"
total=$(echo "$(date +%s.%N) - $start" | bc)
echo "== $BURST erasures back to back: $total s; statuses: $(cut -d' ' -f1 "${TMPDIR:-/tmp}/personal-data-burst.txt" | sort | uniq -c | xargs)"
cut -d' ' -f2 "${TMPDIR:-/tmp}/personal-data-burst.txt" | sort -n \
  | awk '{t[NR] = $1} END {printf "   per request: min %.3f s, median %.3f s, max %.3f s\n", t[1], t[int((NR + 1) / 2)], t[NR]}'
curl -s -o /dev/null -w '   customer segments right after: %{http_code} in %{time_total} s\n' -H "$auth" \
  "$GATEWAY/api/v1/analytics/customers/segments?charts=none"
sleep 20
echo "   views warmed since the burst began: $(( $(grep -ch "views warmed for data version" "$LOGS"/analytics*.log) - warmed_before ))"
