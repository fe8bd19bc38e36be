/**
 * CloudAdapter's own entry points below `process`: authenticate a request, then run its activity
 * with that result (CloudAdapterBase; named pipes and streaming use them). They are protected, so
 * this is the one place that reaches them. /api/messages uses them to authenticate without the
 * console output and error text of `process`; the web chat, to run turns it authenticated itself.
 */
import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';

/** The turn's identity, as the adapter builds it from a channel's token (botframework-connector). */
export interface AuthenticateRequestResult {
  readonly audience: string;
  readonly claimsIdentity: object;
  readonly connectorFactory?: object;
  readonly callerId?: string;
}

export interface InProcessAdapter {
  readonly botFrameworkAuthentication: {
    authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult>;
    createConnectorFactory(identity: object): object;
  };
  createClaimsIdentity(botAppId?: string): object;
  processActivity(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
}

export function inProcess(adapter: CloudAdapter): InProcessAdapter {
  return adapter as unknown as InProcessAdapter;
}
