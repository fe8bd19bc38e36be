/*
 * The yardstick for start-up: restify 12 and botbuilder's CloudAdapter with auth off, an echo on
 * /api/messages and a /healthz, nothing else. Plain CommonJS run by node (no compiler, no tsx), so
 * it pays exactly what any bot on this stack pays before it can answer. `node bench/bareStack.cjs`
 * with PORT set; bench/startupBench.ts times it against our bot.
 */
'use strict';
const restify = require('restify');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler().onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  await next();
});
const server = restify.createServer({ name: 'bare-stack', handleUncaughtExceptions: false });
server.use(restify.plugins.jsonBodyParser());
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  return next();
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 3978), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
