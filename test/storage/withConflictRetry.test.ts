/**
 * A turn that loses an eTag race runs again on the saved state, and the patient gets the replies
 * of the attempt that counted, once. The turn sends after saving, as the bot's turn does
 * (bot/framework/SciaticaBot): a run that lost the race sends nothing unless it was the last one; on any other
 * failure its replies still go out.
 */
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { expect } from 'chai';
import pino from 'pino';
import { ConcurrencyCheckedStorage } from '../../storage/ConcurrencyCheckedStorage';
import { isStorageConflict } from '../../storage/StorageConflictError';
import { type TurnAttempt, withConflictRetry } from '../../storage/withConflictRetry';

interface Harness {
  readonly adapter: TestAdapter;
  readonly errors: unknown[];
  /** `last` as each run of a turn was told it. */
  readonly attempts: boolean[];
  /** Another instance saves `entry` into the same conversation while the next `count` attempts run. */
  interfereTimes(count: number, entry: string): void;
  failWith(error: Error): void;
}

function harness(): Harness {
  const state = new ConversationState(new ConcurrencyCheckedStorage(new MemoryStorage()));
  const entries = state.createProperty<string[]>('entries');
  const errors: unknown[] = [];
  const attempts: boolean[] = [];
  let interference: { count: number; entry: string } | undefined;
  let failure: Error | undefined;

  async function otherInstanceSaves(like: TurnContext, entry: string): Promise<void> {
    const other = new TurnContext(like.adapter, like.activity);
    (await entries.get(other, [])).push(entry);
    await state.saveChanges(other);
  }

  const turn = async (context: TurnContext, attempt: TurnAttempt) => {
    attempts.push(attempt.last);
    const list = await entries.get(context, []);
    list.push(context.activity.text ?? '');
    const reply = `I now hold ${list.join(', ')}`;
    if (interference && interference.count-- > 0) await otherInstanceSaves(context, interference.entry);
    try {
      if (failure) throw failure;
      await state.saveChanges(context);
    } catch (error) {
      if (!isStorageConflict(error) || attempt.last) await context.sendActivity(reply);
      throw error;
    }
    await context.sendActivity(reply);
  };
  const adapter = new TestAdapter(withConflictRetry(turn, { conversationState: state, logger: pino({ level: 'silent' }) }));
  adapter.onTurnError = async (context, error) => {
    errors.push(error);
    await context.sendActivity('sorry');
  };
  return {
    adapter,
    errors,
    attempts,
    interfereTimes: (count, entry) => {
      interference = { count, entry };
    },
    failWith: (error) => {
      failure = error;
    },
  };
}

describe('withConflictRetry', () => {
  it('runs a turn that lost the race again on the saved state, sending only the replies that count', async () => {
    const h = harness();
    await h.adapter.send('first').assertReply('I now hold first').startTest();
    h.interfereTimes(1, 'from-other-instance');
    await h.adapter
      .send('second')
      .assertReply('I now hold first, from-other-instance, second')
      .assertNoReply('nothing more', 50)
      .startTest();
    expect(h.errors).to.deep.equal([]);
    expect(h.attempts).to.deep.equal([false, false, true]);
    h.interfereTimes(0, '');
    await h.adapter.send('third').assertReply('I now hold first, from-other-instance, second, third').startTest();
  });

  it('gives up after one retry: the second attempt’s replies go out, the error handler keeps the saved state', async () => {
    const h = harness();
    await h.adapter.send('first').assertReply('I now hold first').startTest();
    h.interfereTimes(2, 'other');
    await h.adapter
      .send('second')
      .assertReply('I now hold first, other, second')
      .assertReply('sorry')
      .assertNoReply('nothing more', 50)
      .startTest();
    expect(h.errors).to.have.length(1);
    expect(isStorageConflict(h.errors[0])).to.equal(true);
    // Both interfering saves are kept; this turn's "second" was never written over them.
    await h.adapter.send('third').assertReply('I now hold first, other, other, third').startTest();
  });

  it('runs a turn that failed for any other reason once, and reports the error', async () => {
    const h = harness();
    h.failWith(new Error('storage is down'));
    await h.adapter.send('help').assertReply('I now hold help').assertReply('sorry').startTest();
    expect((h.errors[0] as Error).message).to.equal('storage is down');
    expect(h.attempts).to.deep.equal([false]);
  });
});
