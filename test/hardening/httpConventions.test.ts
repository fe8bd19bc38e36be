/**
 * Every response of the server: nosniff whatever answers it (a route, a 404, a refusal), HSTS when
 * the request came over https through a trusted proxy, and HEAD answered wherever GET is.
 */
import { expect } from 'chai';
import { useTestBot } from '../support/testBot';

describe('every response', () => {
  const bot = useTestBot({ TRUSTED_PROXIES: '1' });
  const pagePaths = async (): Promise<string[]> => {
    const page = await (await fetch(`${bot.url}/`)).text();
    const bundle = /href="(\/assets\/webchat-[^"]+\.js)"/.exec(page)?.[1];
    expect(bundle, 'the page names the Web Chat bundle').to.be.a('string');
    return [
      '/',
      '/healthz',
      '/privacy',
      '/widget.js',
      '/assets/chat.css',
      '/assets/chat.js',
      '/assets/chatShell.js',
      '/assets/avatar.svg',
      '/assets/brand.css',
      bundle!,
    ];
  };

  it('carries X-Content-Type-Options: nosniff, refusals and unknown paths included', async () => {
    const responses = [
      ...(await Promise.all((await pagePaths()).map((path) => fetch(`${bot.url}${path}`)))),
      await fetch(`${bot.url}/no-such-page`),
      await fetch(`${bot.url}/api/messages`),
      await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${bot.url}/api/webchat/conversations`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example' } }),
    ];
    for (const response of responses)
      expect(response.headers.get('x-content-type-options'), `${response.url} → ${response.status}`).to.equal('nosniff');
  });

  it('answers HEAD wherever GET answers: same status and headers, no body', async () => {
    for (const path of await pagePaths()) {
      const get = await fetch(`${bot.url}${path}`);
      const head = await fetch(`${bot.url}${path}`, { method: 'HEAD' });
      expect(head.status, path).to.equal(get.status);
      expect(head.headers.get('content-type'), path).to.equal(get.headers.get('content-type'));
      expect(head.headers.get('content-length'), path).to.equal(get.headers.get('content-length'));
      expect(await head.text(), path).to.equal('');
    }
  });

  it('sends HSTS when the trusted proxy says the request came over https, and only then', async () => {
    const over = (proto?: string) => fetch(`${bot.url}/healthz`, { headers: proto ? { 'X-Forwarded-Proto': proto } : {} });
    expect((await over('https')).headers.get('strict-transport-security')).to.equal('max-age=31536000');
    expect((await over('http')).headers.get('strict-transport-security')).to.equal(null);
    expect((await over()).headers.get('strict-transport-security')).to.equal(null);
    // A client's own entry comes first; the trusted proxy's is the last one.
    expect((await over('https, http')).headers.get('strict-transport-security')).to.equal(null);
  });
});

describe('HSTS without a trusted proxy', () => {
  const bot = useTestBot({ TRUSTED_PROXIES: '0' });

  it('ignores X-Forwarded-Proto, which any client can write', async () => {
    const response = await fetch(`${bot.url}/healthz`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).to.equal(null);
  });
});
