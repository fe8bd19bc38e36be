/**
 * The replies of one turn, collected by whoever handles the message (router, FAQ, dialogs) and
 * delivered once at the end, so the session policy and the channel renderer see the whole turn.
 */
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../channels/Reply';
import { TurnCollection } from './TurnCollection';

const OUTBOX = Symbol('outbox');

export class Outbox extends TurnCollection<Reply> {
  static for(context: TurnContext): Outbox {
    return TurnCollection.inTurn(context, OUTBOX, () => new Outbox());
  }
}
