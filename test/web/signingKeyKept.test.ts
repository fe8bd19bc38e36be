/**
 * `npm start` sets no WEBCHAT_SIGNING_KEY: the generated key is kept in the data folder, readable by
 * this user only, so a chat page opened before a restart keeps its conversation after it.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { SIGNING_KEY_FILE } from '../../server/webchat/signingKey';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { fileStorageSettings, startTestBot } from '../support/testBot';

async function startConversation(url: string): Promise<{ conversationId: string; token: string }> {
  const response = await fetch(`${url}/api/webchat/conversations`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return response.json();
}

async function say(url: string, session: { conversationId: string; token: string }, text: string): Promise<number> {
  const response = await fetch(`${url}/api/webchat/conversations/${session.conversationId}/activities`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ type: 'message', text }),
  });
  return response.status;
}

describe('web chat signing key without WEBCHAT_SIGNING_KEY', () => {
  const folder = useTemporaryFolder('signing-key-');

  it("is kept in the data folder with mode 0600 and still accepts an open page's token after a restart", async () => {
    const first = await startTestBot(fileStorageSettings(folder.path));
    const session = await startConversation(first.url);
    expect(await say(first.url, session, 'what causes sciatica')).to.equal(200);
    await first.close();

    const second = await startTestBot(fileStorageSettings(folder.path));
    try {
      expect(await say(second.url, session, 'what causes sciatica'), 'the token issued before the restart').to.equal(200);
    } finally {
      await second.close();
    }
    expect(statSync(join(folder.path, SIGNING_KEY_FILE)).mode & 0o777).to.equal(0o600);
  });
});
