/**
 * The adapter's outbound clients are built once per bot identity and channel service, not per turn
 * (server/ClientReusingAuthentication), and the cache of them stays small whatever service URLs callers
 * send while auth is off.
 */

import type { Activity } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { expect } from 'chai';
import { ClientReusingAuthentication } from '../../server/ClientReusingAuthentication';

const activity = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'webchat',
    serviceUrl,
    deliveryMode: 'expectReplies',
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'b' },
  }) as unknown as Activity;

async function connectorFor(auth: ClientReusingAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  return result.connectorFactory?.create(serviceUrl, result.audience);
}

describe('connector clients across turns', () => {
  it('gives turns to the same channel service the same clients, and another service its own', async () => {
    const auth = new ClientReusingAuthentication({});
    const first = await connectorFor(auth, 'https://smba.example.com/');
    expect(first).to.not.equal(undefined);
    expect(await connectorFor(auth, 'https://smba.example.com/')).to.equal(first);
    expect(await connectorFor(auth, 'https://other.example.com/')).to.not.equal(first);
    const identity = (await auth.authenticateRequest(activity('https://smba.example.com/'), '')).claimsIdentity;
    expect(await auth.createUserTokenClient(identity)).to.equal(await auth.createUserTokenClient(identity));
  });

  it('with an app id, reuses the client for the same identity, service and audience only', async () => {
    const auth = new ClientReusingAuthentication({
      MicrosoftAppId: 'app-one',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    const clientFor = (audience: string) =>
      auth
        .createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'app-one' }], true))
        .create('https://smba.example.com/', audience);
    expect(await clientFor('https://api.botframework.com')).to.equal(await clientFor('https://api.botframework.com'));
    expect(await clientFor('https://api.botframework.com')).to.not.equal(await clientFor('https://skill.example.com'));
  });

  it('keeps only recent clients when callers send many service URLs (auth off)', async () => {
    const auth = new ClientReusingAuthentication({});
    const first = await connectorFor(auth, 'https://first.example.com/');
    for (let i = 0; i < 100; i++) await connectorFor(auth, `https://caller-${i}.example.com/`);
    expect(await connectorFor(auth, 'https://first.example.com/')).to.not.equal(first);
  });
});
