# The bot as a container: `docker build -t sciatica-bot .` then
# `docker run -p 3978:3978 --env-file .env sciatica-bot`. Not built on the development machines
# (no Docker engine there); see docs/deploy.md. The .env needs MicrosoftAppId: with auth off the bot
# listens on the container's loopback only, unless ALLOW_ANONYMOUS_ON_NETWORK=true (a test container
# on a closed network, never production).
FROM node:24-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so a code change does not reinstall them. npm ci installs the dev
# dependencies too: the TypeScript compiler, esbuild, which bundles the bot's modules, rimraf for
# botbuilder-dialogs' postinstall, and botframework-webchat, from whose modules the build bundles
# web/vendor/webchat.js (esbuild) before the prune.
COPY package.json package-lock.json ./
RUN npm ci --include=dev

COPY . .
RUN npm run build && npm prune --omit=dev \
  && mkdir -p data && chown node:node data

# knowledge/ (from the package root) and web/ are read at run time; data/ holds STORAGE=file
# state (use STORAGE=blob when running more than one container).
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and receives SIGTERM itself: the bot finishes turns in flight, then exits.
CMD ["node", "dist/index.js"]
