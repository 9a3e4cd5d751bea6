#!/bin/sh
# First start of the PostgreSQL container (docker-entrypoint-initdb.d): one database per TrackStack module,
# owned by the application's role, as ./trackstack cluster does on one machine.
set -eu
for m in identity households expenses heating nutrition training metrics dashboards reports; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE trackstack_$m OWNER \"$POSTGRES_USER\""
done
