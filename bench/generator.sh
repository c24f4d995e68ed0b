#!/usr/bin/env bash
# Data generator throughput and memory: 10M order lines (all five files) with a 256 MB heap.
#   bench/generator.sh [LINES]     results go to stdout; copy them to BENCHMARKS.md
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
LINES=${1:-10000000}
JAR="$ROOT/data-generator/target/data-generator.jar"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -pl data-generator package -DskipTests)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "== $LINES lines, -Xmx256m, all formats, $(nproc) cores"
/usr/bin/time -f "max RSS %M KB, wall %e s" "$JAVA_HOME/bin/java" -Xmx256m -jar "$JAR" --lines "$LINES" --seed 42 --out "$OUT"
du -sh "$OUT"
echo "== same seed twice gives identical bytes (1M lines, flat only)"
"$JAVA_HOME/bin/java" -jar "$JAR" --lines 1000000 --seed 7 --out "$OUT/a" --formats flat >/dev/null
"$JAVA_HOME/bin/java" -jar "$JAR" --lines 1000000 --seed 7 --out "$OUT/b" --formats flat >/dev/null
cmp "$OUT/a/order-lines.csv" "$OUT/b/order-lines.csv" && echo "identical: $(sha256sum < "$OUT/a/order-lines.csv" | cut -c1-16)"
