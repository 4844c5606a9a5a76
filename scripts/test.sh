#!/usr/bin/env bash
# `npm test`: from a fresh clone, set up what is missing, then run every check:
# build, type check, lint (with module boundaries), unit and integration tests
# (each Jest project on its own fresh database and Redis prefix), end-to-end tests.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$CPTS_ROOT"

ensure_node_modules
ensure_services

# ensure_debian_binary <path> <package> <what needs it>: installs Debian's package when the binary is
# missing (as root, with apt-get), else stops naming the command to run.
ensure_debian_binary() {
  [ -x "$1" ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's $2 for $3 (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || die "apt-get install $2 failed"
  else
    die "$3 need $1: run 'sudo apt-get install $2'."
  fi
}
# The end-to-end tests drive Debian's Chromium (playwright-core cannot download a browser here).
ensure_debian_binary /usr/bin/chromium chromium "the end-to-end tests"
# The scale tests put Debian's PgBouncer in front of PostgreSQL: each starts its own, on a free port
# (libs/testing/src/pgbouncer.ts).
ensure_debian_binary /usr/sbin/pgbouncer pgbouncer "the scale tests"

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-}"
export CPTS_BUILT=1

started=$SECONDS
step() { say "$1 ($((SECONDS - started)) s)"; }

step "build"
node scripts/build.mjs
step "build the web app"
npm run --silent build:web
step "type check"
npx tsc -p tsconfig.json --noEmit
step "lint (the web app's own type check included)"
npx nx run-many -t lint --outputStyle=stream
if docker compose version >/dev/null 2>&1; then
  step "docker compose config"
  docker compose config -q
elif command -v docker-compose >/dev/null; then
  step "docker-compose config"
  docker-compose config -q
fi
step "unit and integration tests"
npx nx run-many -t test --exclude=web-e2e --outputStyle=stream
# Alone, after the others: a gateway, a worker and Chromium want both cores to themselves.
step "end-to-end tests of the web app (Chromium)"
# Each spec file starts its own stack and adds its screenshots: start from none.
rm -rf test-output/screenshots
npx nx run web-e2e:test --outputStyle=stream
step "all checks passed"
