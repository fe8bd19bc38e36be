/**
 * Idle conversation state expires on its own: blob state without an operator's lifecycle rule
 * (the bot sweeps it, here against Azurite), and the temporary files a crash leaves in a file-state
 * folder are gone as soon as the bot starts again.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { expect } from 'chai';
import pino from 'pino';
import type { RunningBot } from '../../server/startBot';
import { CONVERSATION_BLOB_PREFIX } from '../../storage/HashedKeyStorage';
import { IdleBlobState } from '../../storage/IdleBlobState';
import { StateSweeper } from '../../storage/StateSweeper';
import { type Azurite, startAzurite } from '../support/azurite';
import { ChannelConversation } from '../support/ChannelConversation';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { BLOB_SIGNING_KEY, fileStorageSettings, startTestBot } from '../support/testBot';

const TTL_MS = 72 * 3_600_000;

async function blobNames(container: ContainerClient): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat()) names.push(blob.name);
  return names;
}

describe('blob state expiry, with no lifecycle rule (Azurite)', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let bot: RunningBot;
  let container: ContainerClient;

  before(async () => {
    azurite = await startAzurite();
    const name = `state-${randomUUID()}`;
    bot = await startTestBot({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: name,
      WEBCHAT_SIGNING_KEY: BLOB_SIGNING_KEY,
    });
    container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name);
  });
  after(async () => {
    await bot?.close();
    await azurite?.stop();
  });

  it('removes conversation state idle for longer than STATE_TTL_HOURS, and nothing else', async () => {
    await new ChannelConversation(bot.url, 'msteams').say('what is sciatica');
    await container.getBlockBlobClient('usage/unanswered/2026-12-01.jsonl').upload('{}\n', 3);
    const before = await blobNames(container);
    expect(before.filter((blob) => blob.startsWith(CONVERSATION_BLOB_PREFIX))).to.not.be.empty;

    // The sweeper the bot runs, looking from three days on.
    const now = () => Date.now() + TTL_MS + 60_000;
    const removed = await new StateSweeper(new IdleBlobState(container), TTL_MS, pino({ level: 'silent' }), 60_000, now).sweep();

    // Everything that is not conversation state stays: the usage log and its link key among it.
    const others = before.filter((blob) => !blob.startsWith(CONVERSATION_BLOB_PREFIX));
    expect(others).to.include('usage/unanswered/2026-12-01.jsonl');
    const after = await blobNames(container);
    expect(removed).to.equal(before.length - others.length);
    expect(after).to.deep.equal(others);
  });

  it('keeps state written within STATE_TTL_HOURS', async () => {
    await new ChannelConversation(bot.url, 'msteams').say('what is sciatica');
    const removed = await new IdleBlobState(container).removeIdle(new Date(Date.now() - TTL_MS));
    expect(removed).to.equal(0);
    expect((await blobNames(container)).filter((blob) => blob.startsWith(CONVERSATION_BLOB_PREFIX))).to.not.be.empty;
  });
});

describe('file state after a crash', () => {
  const folder = useTemporaryFolder('state-crash-');

  it('removes the temporary files a crash left behind when the bot starts, and nothing else', async () => {
    const settings = fileStorageSettings(folder.path);
    const stateFolder = settings.STORAGE_PATH;
    const first = await startTestBot(settings);
    await new ChannelConversation(first.url, 'msteams').say('what is sciatica');
    await first.close();
    const [state] = (await fs.readdir(stateFolder)).filter((name) => name.endsWith('.json'));
    // What a kill -9 between writing and renaming leaves: a fresh temporary copy beside the state.
    const orphan = `${state}.${randomUUID()}.tmp`;
    await fs.writeFile(path.join(stateFolder, orphan), '{"half": ', { mode: 0o600 });
    await fs.writeFile(path.join(stateFolder, 'notes.tmp'), 'not ours');

    const second = await startTestBot(settings);
    try {
      const names = await fs.readdir(stateFolder);
      expect(names).to.not.include(orphan);
      expect(names).to.include.members([state, 'notes.tmp']);
    } finally {
      await second.close();
    }
  });
});
