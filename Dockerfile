# One image for every summit process: `worker` (default), `slack`, `discord`, `ingest`, ...
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build step.
FROM node:24-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
# Dev tools (tsc, eslint) are not needed at run time; optional packages are the Node binary
# the image already has and native speed-ups BullMQ's msgpackr works without.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force

COPY . .

USER node
# The worker's ops server: /healthz, /metrics, /admin/queues (Bull Board, with ADMIN_TOKEN).
EXPOSE 9090
ENTRYPOINT ["node", "bin/summit.js"]
CMD ["worker"]
