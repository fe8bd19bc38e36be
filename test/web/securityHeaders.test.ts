import { expect } from 'chai';
import type * as restify from 'restify';
import { OriginPolicy } from '../../server/webchat/OriginPolicy';
import { contentSecurityPolicy, securityHeaders } from '../../server/webchat/securityHeaders';

const LOCAL = {
  frameAncestors: ["'self'"],
  directLineSecret: '',
  directLineDomain: 'https://directline.botframework.com/v3/directline',
  botAvatarUrl: '/assets/avatar.svg',
};

function request(headers: Record<string, string>): restify.Request {
  return { headers } as unknown as restify.Request;
}

describe('securityHeaders', () => {
  it('allows no inline script or style, and only this origin to connect, without Direct Line', () => {
    const csp = contentSecurityPolicy(LOCAL, 'abc123');
    expect(csp).to.contain("default-src 'self'");
    expect(csp).to.contain("script-src 'self';");
    expect(csp).to.contain("style-src 'self' 'nonce-abc123' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';");
    expect(csp).to.contain("connect-src 'self';");
    expect(csp).to.contain("frame-ancestors 'self'");
    expect(csp).to.not.contain('unsafe-inline');
    expect(csp).to.not.contain('unsafe-eval');
  });

  it("adds Direct Line's REST and WebSocket origins only when a secret is configured", () => {
    const csp = contentSecurityPolicy({ ...LOCAL, directLineSecret: 's' });
    expect(csp).to.contain("connect-src 'self' https://directline.botframework.com wss://directline.botframework.com");
    const regional = contentSecurityPolicy({
      ...LOCAL,
      directLineSecret: 's',
      directLineDomain: 'https://europe.directline.botframework.com/v3/directline',
    });
    expect(regional).to.contain('wss://europe.directline.botframework.com');
  });

  it('lets the practice site frame the page and allows an avatar hosted elsewhere', () => {
    const headers = securityHeaders({
      ...LOCAL,
      frameAncestors: ["'self'", 'https://clinic.example'],
      botAvatarUrl: 'https://cdn.clinic.example/a.png',
    });
    expect(headers['Content-Security-Policy']).to.contain("frame-ancestors 'self' https://clinic.example");
    expect(headers['Content-Security-Policy']).to.contain("img-src 'self' data: blob: https://cdn.clinic.example");
    expect(headers['X-Frame-Options']).to.equal(undefined);
    expect(headers).to.include({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' });
    expect(securityHeaders(LOCAL)['X-Frame-Options']).to.equal('SAMEORIGIN');
  });
});

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://clinic.example', "'self'"]);

  it('allows the page served by this host and listed origins', () => {
    expect(policy.isAllowed(request({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' }))).to.equal(true);
    expect(policy.isAllowed(request({ origin: 'https://clinic.example', host: 'bot.example' }))).to.equal(true);
  });

  it('refuses other sites, a missing Origin and the opaque "null" origin', () => {
    expect(policy.isAllowed(request({ origin: 'https://evil.example', host: 'bot.example' }))).to.equal(false);
    expect(policy.isAllowed(request({ host: 'bot.example' }))).to.equal(false);
    expect(policy.isAllowed(request({ origin: 'null', host: 'bot.example' }))).to.equal(false);
    expect(policy.isAllowed(request({ origin: 'http://bot.example.evil.example', host: 'bot.example' }))).to.equal(false);
  });
});
