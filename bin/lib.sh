#!/usr/bin/env bash
# Shared helpers of the project's scripts: a JDK 25 and a reachable PostgreSQL.

# Exports JAVA_HOME pointing at a JDK 25+ (the machine's default java may be older).
storefront_java_home() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "No JDK 25 found. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  return 1
}

# Makes sure a PostgreSQL server answers on localhost:5432, starting the machine's cluster if it
# is installed and stopped. Returns non-zero if none could be started (callers decide what then).
storefront_local_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    return 0
  fi
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local version name
    while read -r version name _; do
      [ -n "$version" ] || continue
      echo "Starting PostgreSQL cluster $version/$name ..." >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start 2>/dev/null \
        || pg_ctlcluster "$version" "$name" start 2>/dev/null || true
    done < <(pg_lsclusters --no-header 2>/dev/null | awk '$3 == 5432 && $4 != "online" {print $1, $2}')
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
      sleep 1
    done
  fi
  return 1
}

# Uploads to an import endpoint (analytics orders, sentiment reviews) and waits for the job its
# Location names to end, printing its progress on stderr.
#   storefront_import BASE_URL PATH CURL_ARGS...   e.g. storefront_import http://localhost:8081 /api/v1/imports/order-lines -F file=@x.csv
# Prints the finished job's JSON on stdout; returns 0 when it succeeded. Through the gateway, set
# STOREFRONT_API_KEY: it is sent with the upload and with every poll.
storefront_import() {
  local base=$1 path=$2 headers self job status percent last=""
  local -a auth=()
  [ -n "${STOREFRONT_API_KEY:-}" ] && auth=(-H "Authorization: Bearer $STOREFRONT_API_KEY")
  shift 2
  headers=$(curl -sS -f -D - -o /dev/null "${auth[@]}" "$@" "$base$path") || { echo "upload to $base$path failed" >&2; return 1; }
  self=$(printf '%s' "$headers" | tr -d '\r' | sed -nE 's/^[Ll]ocation: *(https?:\/\/[^/]+)?(\/.*)$/\2/p')
  [ -n "$self" ] || { echo "no job Location in the answer: $headers" >&2; return 1; }
  while :; do
    job=$(curl -sS -f "${auth[@]}" "$base$self") || { echo "lost the job $self" >&2; return 1; }
    status=$(printf '%s' "$job" | sed -nE 's/.*"status":"([a-z]+)".*/\1/p')
    percent=$(printf '%s' "$job" | sed -nE 's/.*"percent":([0-9]+).*/\1/p')
    if [ "$percent" != "$last" ]; then printf '  import %s: %s %s%%\n' "$self" "$status" "$percent" >&2; last=$percent; fi
    case "$status" in
      succeeded) printf '%s\n' "$job"; return 0 ;;
      failed) printf '%s\n' "$job"; return 1 ;;
    esac
    sleep 0.5
  done
}

# Builds a module with its test classes and prints the class path a benchmark main runs with.
#   CP=$(storefront_bench_classpath sentiment-service)
# One reactor build: the project's own modules are on the path as their target/classes, so nothing is
# installed into ~/.m2 (a bench run from another checkout would otherwise replace the snapshots that this
# checkout's next offline build compiles against).
storefront_bench_classpath() {
  local module=$1 root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  (cd "$root" && ./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath \
         -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2) || return 1
  printf '%s' "$root/$module/target/classes:$root/$module/target/test-classes:$(cat "$root/$module/target/bench-classpath.txt")"
}

# Errors the local services log while a bench runs: a run that "passes" through an OutOfMemoryError
# measures something else (the recommender's feed sync did, until 2026-12-02).
#   storefront_log_mark analytics recommender     before the run
#   storefront_log_errors                          after it: a warning per service that logged errors since
declare -gA STOREFRONT_LOG_MARK
storefront_log_mark() {
  local root svc
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  for svc in "$@"; do
    STOREFRONT_LOG_MARK[$svc]=$( [ -f "$root/.run-local/logs/$svc.log" ] && wc -l < "$root/.run-local/logs/$svc.log" || echo 0)
  done
}
storefront_log_errors() {
  local root svc log errors
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  for svc in "${!STOREFRONT_LOG_MARK[@]}"; do
    log="$root/.run-local/logs/$svc.log"
    [ -f "$log" ] || continue
    errors=$(tail -n +"$((STOREFRONT_LOG_MARK[$svc] + 1))" "$log" | grep -cE ' ERROR |OutOfMemoryError' || true)
    if [ "$errors" -gt 0 ]; then echo "WARNING: $svc logged $errors error lines during the run (see $log)"; fi
  done
}
