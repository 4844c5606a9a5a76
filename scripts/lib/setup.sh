# Shared set-up for `npm start` and `npm test` on a fresh machine: dependencies,
# then PostgreSQL and Redis. Sourced, not executed.
#
# Services, in this order of preference:
#   1. DATABASE_ADMIN_URL / REDIS_URL when set (an existing server you provide);
#   2. a server already listening on the default local port (5432 / 6379);
#   3. a private server under .data/, started from the installed binaries;
#   4. as root with apt-get: Debian's postgresql / redis-server installed, then 3;
#   5. otherwise stop, naming the command to run.
# Exports DATABASE_ADMIN_URL (a role that may create roles and databases) and REDIS_URL.

CPTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="$CPTS_ROOT/.data"
PRIVATE_PG_PORT=54329
PRIVATE_REDIS_PORT=63799

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

ensure_node_modules() {
  command -v node >/dev/null || die "Node.js 20.19+ is required (Debian: apt-get install nodejs npm)."
  local stamp="$CPTS_ROOT/node_modules/.cpts-install-stamp"
  if [ ! -f "$stamp" ] || [ "$CPTS_ROOT/package-lock.json" -nt "$stamp" ]; then
    say "installing dependencies (npm install, from package-lock.json)"
    # Not `npm ci`: the registry mirror here lacks some optional platform packages
    # (darwin/windows builds) that `npm ci` insists on finding in the lockfile.
    (cd "$CPTS_ROOT" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
    touch "$stamp"
  fi
}

# probe <postgres|redis> <url>: exit 0 when the server answers.
probe() { node "$CPTS_ROOT/scripts/lib/probe.cjs" "$@" 2>/dev/null; }

as_postgres_user() {
  # PostgreSQL refuses to run as root: run its binaries as the postgres user then.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA_DIR" --shell /bin/sh postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

start_private_postgres() {
  local bin; bin="$(pg_bin_dir)" || return 1
  local dir="$DATA_DIR/postgres"
  mkdir -p "$DATA_DIR"
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in $dir"
    mkdir -p "$dir" && [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --shell /bin/sh postgres; chown postgres "$dir"; }
    as_postgres_user "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  say "starting the private PostgreSQL on port $PRIVATE_PG_PORT"
  as_postgres_user "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $PRIVATE_PG_PORT -k $dir -c listen_addresses=127.0.0.1" start >/dev/null || return 1
}

ensure_postgres() {
  if [ -n "${DATABASE_ADMIN_URL:-}" ]; then
    probe postgres "$DATABASE_ADMIN_URL" || die "DATABASE_ADMIN_URL is set but PostgreSQL does not answer there."
    return
  fi
  local local_url="postgres://postgres@127.0.0.1:5432/postgres"
  local private_url="postgres://postgres@127.0.0.1:$PRIVATE_PG_PORT/postgres"
  if [ -z "${CPTS_PRIVATE_SERVICES:-}" ] && probe postgres "$local_url"; then
    export DATABASE_ADMIN_URL="$local_url"; return
  fi
  if probe postgres "$private_url"; then export DATABASE_ADMIN_URL="$private_url"; return; fi
  if ! pg_bin_dir >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's postgresql (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if start_private_postgres && probe postgres "$private_url"; then
    export DATABASE_ADMIN_URL="$private_url"; return
  fi
  die "No PostgreSQL available. Start one and retry, e.g. 'docker compose up -d postgres redis' (then DATABASE_ADMIN_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres), or 'sudo apt-get install postgresql redis-server'."
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    probe redis "$REDIS_URL" || die "REDIS_URL is set but Redis does not answer there."
    return
  fi
  local local_url="redis://127.0.0.1:6379"
  local private_url="redis://127.0.0.1:$PRIVATE_REDIS_PORT"
  if [ -z "${CPTS_PRIVATE_SERVICES:-}" ] && probe redis "$local_url"; then export REDIS_URL="$local_url"; return; fi
  if probe redis "$private_url"; then export REDIS_URL="$private_url"; return; fi
  if ! command -v redis-server >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's redis-server (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  if command -v redis-server >/dev/null; then
    mkdir -p "$DATA_DIR/redis"
    say "starting a private Redis on port $PRIVATE_REDIS_PORT"
    # AOF on and noeviction: queues must never lose or evict a job silently.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$PRIVATE_REDIS_PORT" --dir "$DATA_DIR/redis" \
      --appendonly yes --maxmemory-policy noeviction --logfile "$DATA_DIR/redis/redis.log" >/dev/null
    for _ in $(seq 1 50); do probe redis "$private_url" && { export REDIS_URL="$private_url"; return; }; sleep 0.1; done
  fi
  die "No Redis available. Start one and retry, e.g. 'docker compose up -d postgres redis' (then REDIS_URL=redis://127.0.0.1:6379), or 'sudo apt-get install redis-server'."
}

ensure_services() {
  ensure_postgres
  ensure_redis
  say "PostgreSQL: $(node -e 'const u=new URL(process.argv[1]);console.log(u.host)' "$DATABASE_ADMIN_URL"), Redis: $(node -e 'const u=new URL(process.argv[1]);console.log(u.host)' "$REDIS_URL")"
}
