#!/usr/bin/env bash
# First start of the PostgreSQL container: the roles of the platform and its
# database. The owner runs migrations; the runtime role owns nothing and
# cannot bypass row-level security; the regional role (SELECT only) is what
# the read-only regional path switches to, granted to the runtime role
# without inheritance (see libs/platform/db/src/provisioning.ts).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE cpts_owner LOGIN PASSWORD '${CPTS_OWNER_PASSWORD}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE ROLE cpts_app LOGIN PASSWORD '${CPTS_APP_PASSWORD}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
CREATE ROLE cpts_app_regional NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
GRANT cpts_app_regional TO cpts_app;
CREATE DATABASE cpts OWNER cpts_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE cpts FROM PUBLIC;
GRANT CONNECT ON DATABASE cpts TO cpts_app;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname cpts -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"
