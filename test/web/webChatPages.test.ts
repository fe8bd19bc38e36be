import { expect } from 'chai';
import { startWebChatTestBot, type WebChatTestBot } from './webChatClient';

function pageConfigOf(html: string): Record<string, unknown> {
  const json = /<script id="webchat-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json ?? 'null');
}

describe('web chat page and assets', () => {
  let bot: WebChatTestBot;
  before(async () => {
    bot = await startWebChatTestBot({ FRAME_ANCESTORS: "'self',https://clinic.example", PRACTICE_NAME: 'Garrett & Sons <Clinic>' });
  });
  after(async () => {
    await bot?.close();
  });

  it('serves the page with a strict CSP and a fresh style nonce per request', async () => {
    const first = await fetch(`${bot.base}/`);
    const second = await fetch(`${bot.base}/`);
    expect(first.status).to.equal(200);
    expect(first.headers.get('content-type')).to.contain('text/html');
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).to.contain("default-src 'self'").and.contain("script-src 'self';").and.contain("connect-src 'self';");
    expect(csp).to.contain("frame-ancestors 'self' https://clinic.example");
    expect(csp).to.not.contain('unsafe-inline');
    expect(first.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(first.headers.get('referrer-policy')).to.equal('strict-origin-when-cross-origin');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).to.be.a('string');
    expect(second.headers.get('content-security-policy')).to.not.contain(nonce!);

    const html = await first.text();
    expect(html).to.contain('<html lang="en">').and.contain('<title>Chat with Garrett &#38; Sons &#60;Clinic&#62;</title>');
    expect(html).to.contain('New conversation').and.contain('href="/privacy"');
    expect(html).to.not.match(/<script(?![^>]*(src=|type="application\/json"))[^>]*>/);
    const config = pageConfigOf(html);
    expect(config).to.include({ mode: 'local', styleNonce: nonce, practiceName: 'Garrett & Sons <Clinic>' });
  });

  it("serves the Web Chat bundle from this server, cached for a year by URLs naming its version and its bytes' hash", async () => {
    const html = await (await fetch(`${bot.base}/`)).text();
    const preloads = [...html.matchAll(/<link rel="modulepreload" href="(\/assets\/webchat-[\w.-]+\.js)">/g)].map(([, path]) => path);
    // The entry, named by its bytes' hash, and the chunk it imports, named by esbuild after its content.
    expect(preloads).to.have.length(2);
    expect(preloads[0]).to.match(/^\/assets\/webchat-4\.18\.1-[0-9a-f]{12}\.js$/);
    expect(pageConfigOf(html)).to.include({ module: preloads[0] });
    let bytes = 0;
    for (const path of preloads) {
      const response = await fetch(`${bot.base}${path}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('cache-control')).to.contain('immutable');
      expect(response.headers.get('content-type')).to.contain('javascript');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      bytes += (await response.text()).length;
      const again = await fetch(`${bot.base}${path}`, { headers: { 'If-None-Match': response.headers.get('etag')! } });
      expect(again.status).to.equal(304);
    }
    expect(bytes).to.be.greaterThan(1_000_000);
  });

  it('serves the page scripts, styles and default avatar with security headers', async () => {
    for (const path of [
      '/assets/chat.js',
      '/assets/localDirectLine.js',
      '/assets/chatSession.js',
      '/assets/chatShell.js',
      '/assets/chat.css',
      '/assets/brand.css',
      '/assets/avatar.svg',
    ]) {
      const response = await fetch(`${bot.base}${path}`);
      expect(response.status, path).to.equal(200);
      expect(response.headers.get('x-content-type-options'), path).to.equal('nosniff');
      expect(response.headers.get('content-security-policy'), path).to.contain("default-src 'self'");
    }
    expect(await (await fetch(`${bot.base}/assets/brand.css`)).text()).to.contain('--brand: #1f5f8b');
    expect((await fetch(`${bot.base}/assets/../package.json`)).status).to.equal(404);
  });

  it('serves the privacy notice and the embed widget', async () => {
    const privacy = await (await fetch(`${bot.base}/privacy`)).text();
    expect(privacy).to.contain('72 hours').and.contain('30 days').and.contain('forget me');
    const widget = await fetch(`${bot.base}/widget.js`);
    const code = await widget.text();
    expect(widget.headers.get('content-type')).to.contain('javascript');
    expect(code).to.contain('"practiceName":"Garrett \\u0026 Sons \\u003cClinic\\u003e"').and.contain("'aria-expanded'");
    expect(() => new Function(code)).to.not.throw();
  });
});
