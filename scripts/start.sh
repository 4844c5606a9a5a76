#!/usr/bin/env bash
# `npm start`: the platform with demo data on this machine, from a fresh clone.
# Installs what is missing, ensures PostgreSQL and Redis, migrates, loads demo
# data once, then runs the gateway (which serves the web app), the worker and
# a local SMTP sink whose mail can be read in a browser.
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$CPTS_ROOT"

ensure_node_modules
ensure_services
mkdir -p .data

# Your own settings first (.env), then generated local secrets for the rest.
if [ -f .env ]; then set -a; source .env; set +a; fi
if [ ! -f .data/dev.env ]; then
  say "generating local secrets in .data/dev.env"
  {
    echo "JWT_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
    echo "LINK_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
  } > .data/dev.env
fi
set -a; source .data/dev.env; set +a

export NODE_ENV="${NODE_ENV:-development}" LOG_LEVEL="${LOG_LEVEL:-warn}"
export GATEWAY_PORT="${GATEWAY_PORT:-3000}" WORKER_HTTP_PORT="${WORKER_HTTP_PORT:-3001}"
export SMTP_SINK_PORT="${SMTP_SINK_PORT:-1025}" SMTP_SINK_HTTP_PORT="${SMTP_SINK_HTTP_PORT:-1080}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:${SMTP_SINK_PORT}?tls=off}"
export APP_URL="${APP_URL:-http://localhost:${GATEWAY_PORT}}"
export COOKIE_SECURE="${COOKIE_SECURE:-false}"
export WEB_DIST_DIR="${WEB_DIST_DIR:-apps/web/dist}"

say "building"
node scripts/build.mjs >/dev/null
if [ -f apps/web/vite.config.ts ]; then npm run --silent build:web >/dev/null; fi

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(node dist/apps/migrator/src/main.js provision cpts_dev)"
fi
node dist/apps/migrator/src/main.js migrate
node dist/apps/migrator/src/main.js seed-demo
node dist/apps/migrator/src/main.js analyze

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [[ "$SMTP_URL" == *"127.0.0.1:${SMTP_SINK_PORT}"* ]]; then
  node dist/infra/smtp-sink/main.js & pids+=($!)
fi
# The worker's heap cap, as in production (docker-compose.yml; docs/performance.md).
node --max-old-space-size=256 dist/apps/worker/src/main.js & pids+=($!)
node dist/apps/gateway/src/main.js & pids+=($!)

for _ in $(seq 1 100); do curl -sf "http://localhost:${GATEWAY_PORT}/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
cat <<MSG

  Plateforme CPTS is running.
    Web app and GraphQL:   http://localhost:${GATEWAY_PORT}   (GraphQL at /graphql, GraphiQL at /graphiql)
    Emails sent (sink):    http://localhost:${SMTP_SINK_HTTP_PORT}   (also as .eml files in .data/mail/)
    Worker health:         http://localhost:${WORKER_HTTP_PORT}/health/ready
  Demo accounts (password: demo-cpts-2026):
    admin@demo.cpts.fr               platform admin
    region@demo.cpts.fr              region admin (Agora Lib', Nouvelle-Aquitaine)
    mission@demo.cpts.fr             mission officer (Périgueux, Brive, Tulle)
    coordination@demo.cpts.fr        coordinator, CPTS du Grand Périgueux (board member at Brive)
    equipe@demo.cpts.fr              staff, CPTS du Grand Périgueux
    bureau@demo.cpts.fr              board member (présidente), CPTS du Grand Périgueux: a decision to vote on, see the emails
    adherent@demo.cpts.fr            member, CPTS du Grand Périgueux
  Ctrl+C stops everything.

MSG
wait -n "${pids[@]}"
