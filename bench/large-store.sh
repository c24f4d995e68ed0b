#!/usr/bin/env bash
# A large generated store for the analytics views at scale: LINES order lines over MONTHS months (seed
# SEED), cut at order boundaries into files of at most PART lines (as a store exporting by period
# would; one upload of 2 GB is over the body limit) and imported one after another into a running
# analytics service, each timed from upload to success.
#   bin/run-local --detach --no-sample && bench/large-store.sh [LINES] [MONTHS] [SEED] [PART]
# Example (the 15M-line store of BENCHMARKS.md): bench/large-store.sh 15000000 36 150 1500000
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
LINES=${1:-15000000}
MONTHS=${2:-36}
SEED=${3:-150}
PART=${4:-1500000}
URL=${ANALYTICS_URL:-http://localhost:8081}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "== generating $LINES order lines over $MONTHS months (seed $SEED)"
"$JAVA_HOME/bin/java" -jar "$ROOT/data-generator/target/data-generator.jar" --lines "$LINES" --seed "$SEED" \
  --start 2022-01-01 --months "$MONTHS" --out "$OUT" --formats flat >/dev/null
# lines of one order are consecutive in the export: a part ends only where an order does
awk -F, -v part="$PART" -v dir="$OUT" '
  NR == 1 { header = $0; next }
  { if (n >= part && $1 != last) { close(file); n = 0; k++ }
    if (n == 0) { file = sprintf("%s/part-%03d.csv", dir, k); print header > file }
    print > file; n++; last = $1 }' "$OUT/order-lines.csv"
rm "$OUT/order-lines.csv"
total=0
for f in "$OUT"/part-*.csv; do
  start=$(date +%s%N)
  storefront_import "$URL" /api/v1/imports/order-lines -F "file=@$f" 2>/dev/null > "$OUT/job.json"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  total=$((total + ms))
  printf '%s: %s lines, %d.%03d s upload to succeeded\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))" $((ms / 1000)) $((ms % 1000))
done
printf 'all parts: %d.%03d s\n' $((total / 1000)) $((total % 1000))
