/**
 * The turn's logic runs on plain values, with no Bot Framework context: a message, its red-flag
 * check and a way to read the session in, a TurnOutcome out.
 */
import { expect } from 'chai';
import { createTurn } from '../../bot/framework/createBot';
import type { SessionState } from '../../bot/SessionState';
import { testTurnParts } from '../support/testBotParts';

describe('a turn without the Bot Framework', () => {
  const turn = createTurn(testTurnParts);
  const message = (text: string) => ({ channelId: 'webchat', conversationId: 'c1', text });

  it("answers a red flag with its advice without ever reading the conversation's state", async () => {
    const text = 'i havent been able to pee since last night even though i feel like i need to';
    const outcome = await turn.messageTurn.run(message(text), turn.detector.assess(text), () =>
      Promise.reject(new Error('storage is down')),
    );
    expect(outcome.escalation?.advice.text).to.match(/call 911/i);
    expect(outcome.events).to.deep.equal([{ kind: 'escalated', urgency: 'emergency' }]);
  });

  it('keeps the safety check in the session: a yes to a question escalates and ends it', async () => {
    const session: SessionState = {};
    const read = async () => session;
    const started = await turn.messageTurn.run(message('check my symptoms'), turn.detector.assess('check my symptoms'), read);
    expect(started.events.map((event) => event.kind)).to.deep.equal(['conversationStarted', 'screeningStarted']);
    expect(session.screening).to.deep.equal({ step: 0, reasks: 0 });
    const escalated = await turn.messageTurn.run(message('yes'), turn.detector.assess('yes'), read);
    expect(escalated.escalation?.escalation.flags).to.deep.equal(['bladder-bowel']);
    expect(session.screening).to.equal(undefined);
  });
});
