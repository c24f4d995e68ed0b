#!/bin/sh
# Runs once, when the compose PostgreSQL volume is created: a schema and a role per service.
set -eu
for svc in analytics recommender sentiment; do
  var=$(echo "${svc}_DB_PASSWORD" | tr a-z A-Z)
  eval pass=\${$var:-$svc-dev-password}
  psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v role="$svc" -v pass="$pass" -f /docker-entrypoint-initdb.d/create-service-schema.sql.inc
done
