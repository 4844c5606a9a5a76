# Multi-stage image of the platform: one image, three commands
# (gateway, worker, migrator). See docker-compose.yml.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --loglevel=error

FROM deps AS build
COPY . .
RUN node scripts/build.mjs && npm run --silent build:web

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --loglevel=error && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
# Uploads waiting for their import job (a volume shared with the worker in compose).
RUN mkdir -p /data/uploads && chown node:node /data/uploads
USER node
ENV WEB_DIST_DIR=/app/apps/web/dist GATEWAY_HOST=0.0.0.0 WORKER_HTTP_HOST=0.0.0.0
# A larger young generation: fewer scavenges of the short-lived objects each
# request makes (+10-15 % requests/s in bench/, ~+30 MB RSS; docs/performance.md).
ENV NODE_OPTIONS=--max-semi-space-size=32
EXPOSE 3000 3001
# The gateway by default. The worker runs with its heap capped (measured for
# one import at a time plus headroom, docs/performance.md), as
# docker-compose.yml runs it:
#   node --max-old-space-size=256 dist/apps/worker/src/main.js
CMD ["node", "dist/apps/gateway/src/main.js"]

# The web app alone, for serving it apart from the gateway (CDN, nginx).
FROM nginx:1.27-alpine AS web
COPY infra/web/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 8080
