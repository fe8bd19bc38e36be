/**
 * Something gathered while one turn is handled, by whoever handles it (router, FAQ, dialogs, the
 * safety stage), and taken once when the turn ends. Kept in the turn's state, which lives as long
 * as the context: a turn run again after losing a state race takes out what the lost attempt left
 * (withConflictRetry empties the Outbox, SciaticaBot.run the TurnEventLog).
 */
import type { TurnContext } from 'botbuilder';

export abstract class TurnCollection<T> {
  private readonly items: T[] = [];

  /** The collection kept under `key` for `context`'s turn, made on first use. */
  protected static inTurn<C>(context: TurnContext, key: symbol, make: () => C): C {
    let found = context.turnState.get(key) as C | undefined;
    if (!found) {
      found = make();
      context.turnState.set(key, found);
    }
    return found;
  }

  add(...items: T[]): void {
    this.items.push(...items);
  }

  /** Empties the collection and returns what was in it. */
  take(): T[] {
    return this.items.splice(0, this.items.length);
  }
}
