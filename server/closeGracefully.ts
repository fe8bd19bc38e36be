/**
 * Stops the HTTP server the way a deploy or scale-in needs: no new connections, idle keep-alive
 * connections closed at once, requests in flight (turns) allowed to finish. A request still
 * running after `graceMs` is cut off, so a stuck turn cannot block shutdown past the platform's
 * own kill deadline (App Service and containers send SIGKILL some 30 s after SIGTERM).
 */
import type * as restify from 'restify';

export const SHUTDOWN_GRACE_MS = 20_000;
const IDLE_SWEEP_MS = 50;

export function closeGracefully(server: restify.Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const http = server.server;
  if (!http.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const deadline = setTimeout(() => http.closeAllConnections(), graceMs);
    // A keep-alive connection whose turn has just finished would otherwise stay open until the
    // client's or the server's keep-alive timeout (seconds), holding the shutdown back.
    const sweepIdle = setInterval(() => http.closeIdleConnections(), IDLE_SWEEP_MS);
    deadline.unref();
    sweepIdle.unref();
    http.close(() => {
      clearTimeout(deadline);
      clearInterval(sweepIdle);
      resolve();
    });
    http.closeIdleConnections();
  });
}
