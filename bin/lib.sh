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
