/**
 * How a JSON body is read (server/jsonRequestBody): UTF-8, with or without a byte-order mark;
 * anything that is not JSON gets 400.
 */
import { expect } from 'chai';
import { useTestBot } from '../support/testBot';

function message(text: string): string {
  return JSON.stringify({
    type: 'message',
    id: 'm-1',
    text,
    deliveryMode: 'expectReplies',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1/test',
    conversation: { id: `bodies-${Math.random()}` },
    from: { id: 'patient' },
    recipient: { id: 'bot' },
  });
}

describe('JSON request bodies', () => {
  const bot = useTestBot();
  const post = (body: Blob | string) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body });

  it('reads a body that starts with a byte-order mark like one that does not', async () => {
    const response = await post(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), message('what is sciatica')]));
    expect(response.status).to.equal(200);
    const { activities } = (await response.json()) as { activities: { text?: string }[] };
    expect(activities.map((a) => a.text ?? '').join(' ')).to.match(/sciatic nerve/i);
  });

  it('answers 400 to a body that is not JSON', async () => {
    expect((await post('{"type": "message",')).status).to.equal(400);
  });
});
