# One image for the api, worker and channel-sandbox services of docker-compose.yml (the command picks
# the process). Node 20 like the dev machines; TypeScript runs through tsx, workflows from a prebuilt bundle.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
# prisma generate only reads the schema, but Prisma's CLI wants DATABASE_URL set for every command.
RUN DATABASE_URL=postgresql://build@localhost/build node scripts/prisma.mjs generate \
 && npm run build:workflows -- dist/workflow-bundle.js \
 && if [ -f admin/vite.config.ts ]; then npx vite build --config admin/vite.config.ts; fi

ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
USER node
CMD ["npx", "tsx", "api/main.ts"]
