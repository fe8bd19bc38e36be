/**
 * Why ConcurrencyCheckedStorage exists: botbuilder's BotState saves with eTag '*', so two turns of
 * one conversation silently overwrite each other. With the decorator the second save is refused.
 */
import { ConversationState, MemoryStorage, type Storage, TestAdapter, TurnContext } from 'botbuilder';
import { expect } from 'chai';
import { ConcurrencyCheckedStorage } from '../../storage/ConcurrencyCheckedStorage';
import { CONVERSATION_BLOB_PREFIX, HashedKeyStorage } from '../../storage/HashedKeyStorage';
import { isStorageConflict } from '../../storage/StorageConflictError';

function contextFor(adapter: TestAdapter): TurnContext {
  return new TurnContext(adapter, {
    type: 'message',
    text: 'hi',
    channelId: 'test',
    conversation: { id: 'c1' } as never,
    from: { id: 'u' } as never,
    recipient: { id: 'b' } as never,
  });
}

/** Two turns of one conversation load the same state, both change it, both save. */
async function raceTwoTurns(storage: Storage): Promise<{ second: string; stored: unknown }> {
  const state = new ConversationState(storage);
  const counter = state.createProperty<number[]>('steps');
  const adapter = new TestAdapter(async () => undefined);
  const [first, second] = [contextFor(adapter), contextFor(adapter)];
  (await counter.get(first, [])).push(1);
  (await counter.get(second, [])).push(2);
  await state.saveChanges(first);
  const outcome = await state.saveChanges(second).then(
    () => 'saved',
    (error: unknown) => (isStorageConflict(error) ? 'conflict' : String(error)),
  );
  return { second: outcome, stored: await counter.get(contextFor(adapter)) };
}

describe('ConcurrencyCheckedStorage', () => {
  it('shows the problem: plain BotState lets the second turn overwrite the first', async () => {
    const storage = new MemoryStorage();
    const state = new ConversationState(storage);
    const context = contextFor(new TestAdapter(async () => undefined));
    await state.createProperty('steps').set(context, []);
    await state.saveChanges(context);
    expect(await raceTwoTurns(storage)).to.deep.equal({ second: 'saved', stored: [2] });
  });

  it('refuses the second save, keeping the first turn’s state', async () => {
    const storage = new ConcurrencyCheckedStorage(new MemoryStorage());
    const state = new ConversationState(storage);
    const context = contextFor(new TestAdapter(async () => undefined));
    await state.createProperty('steps').set(context, []);
    await state.saveChanges(context);
    expect(await raceTwoTurns(storage)).to.deep.equal({ second: 'conflict', stored: [1] });
  });

  it('does the same over hashed keys (the blob stack)', async () => {
    const storage = new ConcurrencyCheckedStorage(new HashedKeyStorage(new MemoryStorage()));
    const state = new ConversationState(storage);
    const context = contextFor(new TestAdapter(async () => undefined));
    await state.createProperty('steps').set(context, []);
    await state.saveChanges(context);
    expect((await raceTwoTurns(storage)).second).to.equal('conflict');
  });

  it('lets one turn save twice (error recovery after a save) without conflicting with itself', async () => {
    const storage = new ConcurrencyCheckedStorage(new MemoryStorage());
    const state = new ConversationState(storage);
    const steps = state.createProperty<number[]>('steps');
    const context = contextFor(new TestAdapter(async () => undefined));
    await steps.set(context, [0]);
    await state.saveChanges(context);
    const turn = contextFor(new TestAdapter(async () => undefined));
    (await steps.get(turn, [])).push(1);
    await state.saveChanges(turn);
    (await steps.get(turn, [])).push(2);
    await state.saveChanges(turn);
    expect(await steps.get(contextFor(new TestAdapter(async () => undefined)))).to.deep.equal([0, 1, 2]);
  });
});

describe('HashedKeyStorage', () => {
  it('gives keys that BlobsStorage would merge (a//b and a/b, long shared prefixes) their own entries', async () => {
    const inner = new MemoryStorage();
    const storage = new HashedKeyStorage(inner);
    const long = 'é'.repeat(600);
    const keys = ['a/b', 'a//b', `${long}1`, `${long}2`, '__proto__'];
    for (const [index, key] of keys.entries()) await storage.write({ [key]: { index } });
    const items = await storage.read(keys);
    expect(keys.map((key) => items[key]?.index)).to.deep.equal([0, 1, 2, 3, 4]);
    await storage.delete(['a/b']);
    expect(Object.keys(await storage.read(keys))).to.have.length(4);
  });

  it('names every blob conversation-<sha256>, the prefix the lifecycle rule expires', async () => {
    const inner = new MemoryStorage();
    await new HashedKeyStorage(inner).write({ 'sms/conversations/+15550102030/': { v: 1 } });
    const names = Object.keys((inner as unknown as { memory: Record<string, unknown> }).memory);
    expect(names).to.have.length(1);
    expect(names[0]).to.match(new RegExp(`^${CONVERSATION_BLOB_PREFIX}[0-9a-f]{64}$`));
  });
});
