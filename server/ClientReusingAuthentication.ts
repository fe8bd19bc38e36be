/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient for every turn, each with its own Azure
 * HTTP pipeline (about 0.2 ms of CPU together, a tenth of a whole framework turn), though the clients
 * for one bot identity and one channel service are the same every time, and a turn answered with
 * expectReplies (every web chat turn) uses neither. This authentication builds each once and hands it
 * to every turn that needs the same one, as BotFrameworkAdapter did with its client cache; token
 * checks are untouched (they run in the inner authenticateRequest, per request).
 *
 * The keys are what the SDK builds the clients from: the bot's app id read from the turn's claims (as
 * ParameterizedBotFrameworkAuthentication's getAppId does), the service URL and the audience. With auth
 * off the service URL is the caller's to choose, so each cache keeps only the most recent few.
 */
import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AuthenticateRequestResult, ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';

const MAX_CLIENTS = 32;

export class ClientReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new RecentPromises<ConnectorClient>(MAX_CLIENTS);
  private readonly userTokenClients = new RecentPromises<UserTokenClient>(MAX_CLIENTS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: result.connectorFactory && this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.connectorClients.get(JSON.stringify([appId, serviceUrl, audience ?? null]), () => factory.create(serviceUrl, audience)),
    };
  }
}

/** The bot's app id the SDK builds clients for: the audience claim, else the app id claim (Emulator). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/** Promises by key, the most recently used `limit` of them; a rejected one is forgotten. */
class RecentPromises<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly limit: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = create();
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    } else {
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    return entry;
  }
}
