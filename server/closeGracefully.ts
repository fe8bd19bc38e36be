/**
 * Stops the HTTP server the way a deploy or scale-in needs: no new connections, idle keep-alive
 * connections closed at once, requests in flight (turns) allowed to finish. A request still
 * running after `graceMs` is cut off, so a stuck turn cannot block shutdown past the platform's
 * own kill deadline (App Service and containers send SIGKILL some 30 s after SIGTERM).
 */
import type * as restify from 'restify';

export const SHUTDOWN_GRACE_MS = 20_000;

export function closeGracefully(server: restify.Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const http = server.server;
  if (!http.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const deadline = setTimeout(() => http.closeAllConnections(), graceMs);
    deadline.unref();
    http.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    http.closeIdleConnections();
  });
}
