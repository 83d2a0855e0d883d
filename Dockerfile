# syntax=docker/dockerfile:1
# One image for every Santunan process (API, worker, migrations, sandbox gateway); docker-compose.yml picks
# the process with `command:`. The server code has no build step (the web pages have one, in their own stage):
# TypeScript runs through tsx, a runtime dependency, loaded with `node --import tsx` (Node >= 20.6). This is the
# same as `npx tsx ...`, minus the npm process in front of node, so SIGTERM reaches the app's own shutdown handlers.
ARG NODE_VERSION=20

# Production dependencies only. The lockfile includes the linux x64/arm64 builds of the native packages
# (@swc/core, esbuild), and @temporalio/core-bridge ships its own linux-gnu binaries. That is why the base is
# Debian (glibc) slim and not Alpine.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

# The web pages (web/dist): built with the dev dependencies (Vite, the API types generator), and only the built files
# go into the image; the API serves them at / (api/web.ts).
FROM node:${NODE_VERSION}-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .
RUN node scripts/web-build.mjs

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# Sources stay owned by root, so the app can read them but not change them. .dockerignore keeps out tests,
# tooling and local state.
COPY . .
COPY --from=web /app/web/dist ./web/dist
# The only writable path: the sandbox gateway keeps its ledger here (mount a volume over it).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "bin/api.ts"]
