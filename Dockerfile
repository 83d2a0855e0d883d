# syntax=docker/dockerfile:1
# One image for every Santunan process (API, worker, migrations, replay, sandbox gateway); docker-compose.yml picks
# the process with `command:` (node dist/bin/<process>.js). Three stages: `build` type-checks and compiles the
# TypeScript and bundles the workflows once (`npm run build`); `deps` installs the production dependencies only and
# removes other platforms' native binaries; the final stage holds just those two results, run by tini as a
# non-root user. test/config/dockerfile.test.ts holds the file to these rules.
#
# Node: an active LTS line (24, LTS until April 2028). The code also runs on Node >= 20 (package.json engines).
# Debian (glibc) slim, not Alpine: @temporalio/core-bridge ships linux-gnu libraries only.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .
# tsc -p tsconfig.build.json (type errors fail the image build), then dist/workflows.bundle.js, then the web pages
# (web/dist, with Vite and the API types generator from the dev dependencies).
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund
# Other platforms' native packages and the SDK bridge's other-target libraries and Rust sources (about 300 MB).
COPY docker/prune-foreign-binaries.mjs /tmp/
RUN node /tmp/prune-foreign-binaries.mjs node_modules

FROM node:${NODE_VERSION}-bookworm-slim
# tini as PID 1: forwards SIGTERM to node (the worker's graceful shutdown) and reaps zombies. -s: compose's
# `init: true` may put docker-init in front of it, and tini then registers as a subreaper.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/app/data
WORKDIR /app
# Everything stays owned by root, so the app can read its code but not change it.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web pages, where dist/api/web.js looks for them (../web/dist); only the built files, the API serves them at /.
COPY --from=build /app/web/dist ./dist/web/dist
COPY package.json ./
# The only writable path: the sandbox gateway keeps its ledger here (mount a volume over it).
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# The image's `node` user, by number, so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "-s", "--"]
CMD ["node", "dist/bin/api.js"]
