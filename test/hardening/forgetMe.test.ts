/**
 * "Forget me" leaves nothing of what the patient wrote: the unanswered questions they asked are
 * stored without identifying details, linked to their conversation by a keyed hash, and deleted
 * with the conversation's state, on file storage and on blob storage (Azurite). Another patient's
 * questions stay.
 */

import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { expect } from 'chai';
import type { RunningBot } from '../../server/startBot';
import { type Azurite, startAzurite } from '../support/azurite';
import { ChannelConversation } from '../support/ChannelConversation';
import { BLOB_SIGNING_KEY, fileStorageSettings, startTestBot } from '../support/testBot';
import { waitUntil } from '../support/waitUntil';

/** What the patient types, none of which may be found afterwards. */
const IDENTIFYING = ['Margaret', 'Thornbury', '14/03/1958', 'Larkspur', 'LS6 2QT', '485 777 3456'];
const QUESTIONS = [
  'my name is Margaret Thornbury, can my parrot sit on my shoulder during physio',
  'I was born 14/03/1958, do you validate parking tickets',
  'I live at 27 Larkspur Road, LS6 2QT, do you have a bike rack',
  'my NHS number is 485 777 3456, do you take lunch breaks',
  'do you play jazz in the waiting room',
  // Answered, but with low confidence: kept for kb:unanswered like the questions above, so forgotten too.
  'is swimming ok with sciatica',
];
const OTHER_PATIENTS_QUESTION = 'do you play bagpipes in the waiting room';

/** Every stored text, by where it is: a file path or a container/blob name. */
type StoredTexts = () => Promise<Map<string, string>>;

async function forgetMeLeavesNothing(bot: RunningBot, stored: StoredTexts): Promise<Map<string, string>> {
  const patient = new ChannelConversation(bot.url, 'webchat');
  const other = new ChannelConversation(bot.url, 'webchat');
  for (const question of QUESTIONS) expect((await patient.say(question)).status).to.equal(200);
  expect((await other.say(OTHER_PATIENTS_QUESTION)).status).to.equal(200);
  const everything = async () => [...(await stored()).values()].join('\n');
  // The questions are written in the background: wait until the patient's last one is stored.
  await waitUntil(
    async () => {
      const text = await everything();
      return ['jazz', 'swimming', 'bagpipes'].every((word) => text.includes(word));
    },
    30_000,
    'the unanswered questions and the unsure answer to be stored',
  );

  const forgotten = await patient.say('forget me');
  await bot.close();

  const after = await stored();
  for (const [where, text] of after) {
    for (const detail of [...IDENTIFYING, 'jazz', 'swimming']) expect(text, `${where} still holds "${detail}"`).to.not.include(detail);
  }
  expect([...after.values()].join('\n'), "the other patient's question").to.include('bagpipes');
  expect(forgotten.text).to.match(/deleted what was stored about this conversation: its progress and the questions I couldn't answer/);
  return after;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('"forget me" and the unanswered-questions log', function () {
  this.timeout(120_000);

  it("on file storage: no identifying detail and none of the patient's questions anywhere under the data folders; files 0600", async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sciatica-forget-'));
    try {
      const bot = await startTestBot(fileStorageSettings(directory));
      const stored: StoredTexts = async () =>
        new Map(await Promise.all((await filesUnder(directory)).map(async (file) => [file, await fs.readFile(file, 'utf8')] as const)));
      await forgetMeLeavesNothing(bot, stored);
      for (const file of await filesUnder(path.join(directory, 'usage'))) {
        expect((await fs.stat(file)).mode & 0o777, file).to.equal(0o600);
      }
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
  });

  it('says, while LOG_TRANSCRIPTS is on, that the process log keeps messages "forget me" cannot delete (the reply and /privacy)', async () => {
    const bot = await startTestBot({ LOG_TRANSCRIPTS: 'true', LOG_LEVEL: 'silent' });
    try {
      const reply = await new ChannelConversation(bot.url, 'webchat').say('forget me');
      expect(reply.text).to.match(/server logs, which "forget me" cannot delete/);
      expect(await (await fetch(`${bot.url}/privacy`)).text()).to.match(/"Forget me" cannot delete them there/);
    } finally {
      await bot.close();
    }
  });

  describe('on blob storage (Azurite)', () => {
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(() => azurite?.stop());

    it("no identifying detail and none of the patient's questions in any blob of any container", async () => {
      const bot = await startTestBot({
        STORAGE: 'blob',
        BLOB_CONNECTION_STRING: azurite.connectionString,
        BLOB_CONTAINER: `state-${randomUUID()}`,
        WEBCHAT_SIGNING_KEY: BLOB_SIGNING_KEY,
      });
      const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
      const stored: StoredTexts = async () => {
        const texts = new Map<string, string>();
        for await (const container of service.listContainers()) {
          const client = service.getContainerClient(container.name);
          for await (const blob of client.listBlobsFlat()) {
            texts.set(`${container.name}/${blob.name}`, (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8'));
          }
        }
        return texts;
      };
      const after = await forgetMeLeavesNothing(bot, stored);
      expect([...after.keys()].some((name) => name.endsWith('/usage/link.key'))).to.equal(true);
    });
  });
});
