/**
 * What every response of the bot's HTTP server follows, whatever route (or none) answers it:
 *  - `X-Content-Type-Options: nosniff`, so a browser never runs a JSON or text answer as script;
 *  - `Strict-Transport-Security` when the request came over https, directly or, with
 *    TRUSTED_PROXIES set, as the nearest trusted proxy says in X-Forwarded-Proto (App Service ends
 *    TLS at its front end). Without a trusted proxy the header is ignored: a client can write it;
 *  - HEAD is answered wherever GET is: the request is routed as a GET and Node sends the headers
 *    without the body (a HEAD response never has one). The request log shows it as GET.
 */
import type { TLSSocket } from 'node:tls';
import type * as restify from 'restify';
import type { BotConfig } from '../config/BotConfig';

/** A year, without includeSubDomains: the practice's other hosts are not ours to commit. */
export const HSTS = 'max-age=31536000';

export function arrivedOverHttps(req: restify.Request, trustedProxies: number): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (trustedProxies === 0) return false;
  const header = req.headers['x-forwarded-proto'];
  const protocols = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((value) => value.trim().toLowerCase());
  return protocols[protocols.length - 1] === 'https';
}

export function applyHttpConventions(server: restify.Server, config: Pick<BotConfig, 'trustedProxies'>): void {
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (arrivedOverHttps(req, config.trustedProxies)) res.setHeader('Strict-Transport-Security', HSTS);
    if (req.method === 'HEAD') req.method = 'GET';
    next();
  });
}
