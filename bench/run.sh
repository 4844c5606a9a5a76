#!/usr/bin/env bash
# Benchmarks (see docs/performance.md). Sets up a dedicated database at Agora
# Lib' scale once (cpts_bench: 100 CPTS x 900 professionals, each CPTS with 20
# working groups of 15 meetings and 20 action items), then runs the
# gateway benchmark against its baseline, then the directory import benchmark,
# then the mailing benchmark, then the campaign list benchmark, then the
# meetings and working groups benchmark, then the governance benchmark (which
# seeds its CPTS's governance on its first run), then the region's table (which
# seeds memberships, governance, Pro Actif and mailings in every CPTS on its first
# run, then stores their figures as the worker does), then the dialogue de
# gestion file's PDF (in process, no database). BENCH=gateway, BENCH=import,
# BENCH=mailing, BENCH=campaign-list, BENCH=meetings, BENCH=governance,
# BENCH=region or BENCH=evaluation-pdf runs only that one (default: all). BENCH_DB names the database (default cpts_bench; its Redis
# prefix follows), so two checkouts never share one. BENCH_MAILING_REDIS_CLUSTER=1 adds a mailing run with one
# worker on a Redis Cluster (3 masters, 3 replicas) started for it. Run on a quiet machine; the benchmarks
# compare CPU per unit of work with their baselines, which a busy machine disturbs less than throughput.
set -euo pipefail
BENCH="${BENCH:-all}"
case "$BENCH" in
  all | gateway | import | mailing | campaign-list | meetings | governance | region | evaluation-pdf) ;;
  *) echo "BENCH must be all, gateway, import, mailing, campaign-list, meetings, governance, region or evaluation-pdf (got '$BENCH')" >&2; exit 2 ;;
esac
source "$(dirname "$0")/../scripts/lib/setup.sh"
cd "$CPTS_ROOT"
ensure_node_modules
ensure_services
[ -n "${SKIP_BUILD:-}" ] || node scripts/build.mjs >/dev/null
BENCH_DB="${BENCH_DB:-cpts_bench}"
eval "$(node dist/apps/migrator/src/main.js provision "$BENCH_DB")"
node dist/apps/migrator/src/main.js migrate
count=$(node -e "const {Client}=require('pg');const c=new Client({connectionString:process.env.MIGRATION_DATABASE_URL});c.connect().then(()=>c.query('select count(*)::int n from tenants')).then(r=>{console.log(r.rows[0].n);return c.end()})")
seeded=0
if [ "$count" = "0" ]; then
  node dist/apps/migrator/src/main.js seed-scale 100 900
  seeded=1
fi
# Working groups, meetings and action items have a guard of their own (a CPTS with groups keeps them), so a
# database seeded before they existed gets them once; it prints how many CPTS it gave groups to.
groups_given=$(node dist/apps/migrator/src/main.js seed-scale-meetings)
if [ "$groups_given" != "0" ]; then seeded=1; fi
if [ "$seeded" = "1" ]; then node dist/apps/migrator/src/main.js analyze; fi
export JWT_SECRET="${JWT_SECRET:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')}"
export LINK_SECRET="${LINK_SECRET:-$JWT_SECRET}" SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:2525?tls=off}" COOKIE_SECURE=false
export REDIS_PREFIX="bench_${BENCH_DB}"
# The production image's Node options (Dockerfile), for every process measured.
export NODE_OPTIONS="${NODE_OPTIONS:---max-semi-space-size=32}"
if [ "$BENCH" = all ] || [ "$BENCH" = gateway ]; then node dist/bench/gateway-list.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = import ]; then node dist/bench/directory-import.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = mailing ]; then node dist/bench/mailing.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = campaign-list ]; then node dist/bench/campaign-list.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = meetings ]; then node dist/bench/meetings.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = governance ]; then node dist/bench/governance.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = region ]; then node dist/bench/region-table.js; fi
if [ "$BENCH" = all ] || [ "$BENCH" = evaluation-pdf ]; then node dist/bench/evaluation-pdf.js 7; fi
