/**
 * The replies of one turn, collected by whoever handles the message (router, FAQ, dialogs) and
 * delivered once at the end, so the session policy and the channel renderer see the whole turn.
 */
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../channels/Reply';

const OUTBOX = Symbol('outbox');

export class Outbox {
  private readonly replies: Reply[] = [];

  static for(context: TurnContext): Outbox {
    let outbox = context.turnState.get(OUTBOX) as Outbox | undefined;
    if (!outbox) {
      outbox = new Outbox();
      context.turnState.set(OUTBOX, outbox);
    }
    return outbox;
  }

  add(...replies: Reply[]): void {
    this.replies.push(...replies);
  }

  /** Empties the outbox and returns what was in it. */
  take(): Reply[] {
    return this.replies.splice(0, this.replies.length);
  }
}
