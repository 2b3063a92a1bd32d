# Production image: dependencies, the admin panel's production build, and a non-root user.
# The Node.js major line is the one in .nvmrc (tests/runtime.test.ts keeps them equal); the tag
# follows its security releases, so rebuild the image to take them (docs/DEPLOYMENT.md).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production
# lexical's default Node entry points wrap their code in a top-level `await import()`, which
# (seen on Node 20) leaves the start unsettled (exit code 13) about half the time; the
# `production` entries have no such await.
ENV NODE_OPTIONS=--conditions=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data/uploads && chown -R node:node /app/data
USER node
EXPOSE 3000
CMD ["npm", "start"]
