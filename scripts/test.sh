#!/usr/bin/env bash
# `npm test`: from a fresh clone, set up what is missing, then run every check:
# build, type check, lint (with module boundaries), unit and integration tests
# (each Jest project on its own fresh database and Redis prefix), end-to-end tests.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$CPTS_ROOT"

ensure_node_modules
ensure_services

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-}"
export CPTS_BUILT=1

started=$SECONDS
step() { say "$1 ($((SECONDS - started)) s)"; }

step "build"
node scripts/build.mjs
step "type check"
npx tsc -p tsconfig.json --noEmit
step "lint"
npx nx run-many -t lint --outputStyle=stream
step "unit and integration tests"
npx nx run-many -t test --outputStyle=stream
step "all checks passed"
