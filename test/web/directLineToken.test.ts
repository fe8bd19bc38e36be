import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { startWebChatTestBot, type WebChatTestBot } from './webChatClient';

const SECRET = 'DL-SECRET-must-never-reach-a-browser-0123456789';

/** A stand-in for Azure's Direct Line /tokens/generate, which cannot be reached from here. */
async function startFakeDirectLine(): Promise<{ server: Server; domain: string; calls: IncomingMessage[]; failNext: { value: boolean } }> {
  const calls: IncomingMessage[] = [];
  const failNext = { value: false };
  const server = createServer((req, res) => {
    calls.push(req);
    const ok = req.method === 'POST' && req.url === '/v3/directline/tokens/generate' && req.headers.authorization === `Bearer ${SECRET}`;
    if (!ok || failNext.value) {
      res.writeHead(failNext.value ? 500 : 403);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        conversationId: 'dl-conv-1',
        token: 'dl-token-1',
        expires_in: 1800,
        streamUrl: 'wss://example/stream',
        referenceGrammarId: 'g',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, domain: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline`, calls, failNext };
}

describe('Direct Line token exchange', () => {
  let fake: Awaited<ReturnType<typeof startFakeDirectLine>>;
  let bot: WebChatTestBot;
  before(async () => {
    fake = await startFakeDirectLine();
    bot = await startWebChatTestBot({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_DOMAIN: fake.domain });
  });
  after(async () => {
    await bot?.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('exchanges the secret server-side and passes on only token, conversationId and expires_in', async () => {
    const response = await bot.post('/api/directline/token', {});
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ token: 'dl-token-1', conversationId: 'dl-conv-1', expires_in: 1800 });
    expect(response.headers.get('cache-control')).to.equal('no-store');
    expect(fake.calls.at(-1)!.headers.authorization).to.equal(`Bearer ${SECRET}`);
  });

  it('refuses other sites, and reports a Direct Line failure as 502', async () => {
    expect((await bot.post('/api/directline/token', {}, { Origin: 'https://evil.example' })).status).to.equal(403);
    fake.failNext.value = true;
    const failed = await bot.post('/api/directline/token', {});
    fake.failNext.value = false;
    expect(failed.status).to.equal(502);
    expect(await failed.text()).to.not.contain(SECRET);
  });

  it('tells the page to use Direct Line and never serves the secret to the browser', async () => {
    const page = await fetch(`${bot.base}/`);
    const html = await page.text();
    expect(html).to.contain('"mode":"directline"');
    const origin = new URL(fake.domain).origin;
    expect(page.headers.get('content-security-policy')).to.contain(`connect-src 'self' ${origin} ws://${new URL(fake.domain).host}`);
    const served = [html];
    for (const path of [
      '/privacy',
      '/widget.js',
      '/assets/chat.js',
      '/assets/localDirectLine.js',
      '/assets/chatSession.js',
      '/assets/chat.css',
      '/assets/brand.css',
      '/assets/avatar.svg',
    ]) {
      const response = await fetch(`${bot.base}${path}`);
      served.push(await response.text(), JSON.stringify([...response.headers]));
    }
    served.push(JSON.stringify([...page.headers]));
    for (const body of served) expect(body).to.not.contain(SECRET);
  });

  it('answers 404 when no secret is configured', async () => {
    const local = await startWebChatTestBot();
    try {
      expect((await local.post('/api/directline/token', {})).status).to.equal(404);
    } finally {
      await local.close();
    }
  });
});
