#!/usr/bin/env bash
# Offline evaluation of the recommender's models on UCI Online Retail with the shared protocol
# (../shared/data/README.md): cleaning, temporal split at 2011-09-01, top-10 "new" and "repeat".
#   bench/recommender.sh            the baselines; results go to stdout, copy them to BENCHMARKS.md
#   bench/recommender.sh repeat     tunes the repeat-aware blend on the validation split, then tests it once
#   bench/recommender.sh new        tunes EASE^R's weighting and lambda on the validation split, then tests once
#   bench/recommender.sh hybrid     tunes the service's hybrid model on the validation split, then tests once;
#                                  BENCH_OPTS=-D<grid>=true runs one of HybridTuning.EXTRA_GRIDS instead (ease, customers,
#                                  ease-new-items, trend, item-signals [-Dtrend.ratio=1.0])
#   bench/recommender.sh ranker     fits a learned ranker over the candidate sources on the validation split, tests once;
#                                  BENCH_OPTS=-Dranker.ease-items=1000 EASE^R as the service sizes it, -Dranker.customers=true
#                                  the similar customers' scores as features
#   bench/recommender.sh rebuy      a probabilistic re-buy score (basket share and rate) for "repeat", tuned then tested once
#   bench/recommender.sh tifu      TIFU-KNN (decayed basket vectors and nearest customers), tuned then tested once;
#                                  BENCH_OPTS=-Dtifu.wide=true the wide grid, -Dtifu.plain=true [-Dtifu.max=true] no groups or decay
#                                  [-Dtifu.propensity=true] with α moved by each customer's repeat propensity
#   bench/recommender.sh own-items  for "repeat": where the hybrid's hits come from, how single signals order each
#                                  customer's own items, and a model over them fitted on validation, tested once
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/lib.sh"
storefront_java_home
CP=$(storefront_bench_classpath recommender-service)
MAIN=io.storefront.recommender.bench.RetailBenchmark
[ "${1:-}" = repeat ] && MAIN=io.storefront.recommender.bench.RepeatTuning
[ "${1:-}" = new ] && MAIN=io.storefront.recommender.bench.NewTuning
[ "${1:-}" = hybrid ] && MAIN=io.storefront.recommender.bench.HybridTuning
[ "${1:-}" = ranker ] && MAIN=io.storefront.recommender.bench.RankerTuning
[ "${1:-}" = rebuy ] && MAIN=io.storefront.recommender.bench.RebuyTuning
[ "${1:-}" = tifu ] && MAIN=io.storefront.recommender.bench.TifuTuning
[ "${1:-}" = own-items ] && MAIN=io.storefront.recommender.bench.OwnItemsResearch
"$JAVA_HOME/bin/java" -Xmx4g ${BENCH_OPTS:-} -cp "$CP" "$MAIN" \
  "$ROOT/../shared/data/retail/online_retail.csv" 2>&1 | grep -v '^SLF4J'
