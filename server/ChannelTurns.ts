/**
 * Turns from the channels on /api/messages (Teams, SMS, the Emulator), authenticated here rather
 * than inside CloudAdapter.process: that prints a multi-line stack trace (console.error) for every
 * refused token and answers with the SDK's error text, so a flood of forged tokens floods the log
 * and tells the caller what failed. Here a refused token gets a plain 401, and its reason goes on
 * the request's one log line.
 */
import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';
// CloudAdapter.process's own preparation of the body (timestamps from text to Date); not re-exported.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { type AuthenticateRequestResult, type InProcessAdapter, inProcess } from './inProcessAdapter';

export type Authentication =
  | { readonly ok: true; readonly activity: Activity; readonly result: AuthenticateRequestResult }
  /** 401: the caller's token was refused; 503: the token could not be checked (e.g. signing keys unreachable). */
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

/** botframework-connector's AuthenticationError carries 401; jsonwebtoken's errors mean a bad token too. */
function isTokenRefusal(error: unknown): boolean {
  const { statusCode, name } = (error ?? {}) as { statusCode?: unknown; name?: unknown };
  return statusCode === 401 || name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError';
}

/** The SDK's reason, on one short line: it can quote claims the caller wrote. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}

export class ChannelTurns {
  private readonly adapter: InProcessAdapter;

  constructor(adapter: CloudAdapter) {
    this.adapter = inProcess(adapter);
  }

  /** `body` has passed validateActivity. */
  async authenticate(body: object, authorization: string): Promise<Authentication> {
    const activity = validateAndFixActivity(body as Activity);
    try {
      return { ok: true, activity, result: await this.adapter.botFrameworkAuthentication.authenticateRequest(activity, authorization) };
    } catch (error) {
      return { ok: false, status: isTokenRefusal(error) ? 401 : 503, reason: reasonOf(error) };
    }
  }

  run(
    authenticated: Extract<Authentication, { ok: true }>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.adapter.processActivity(authenticated.result, authenticated.activity, logic);
  }
}
