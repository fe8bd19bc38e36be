/**
 * Safety advice leaves the bot the moment it is ready. Other replies of a turn may be held back
 * until the state is saved (storage/withConflictRetry); these are marked to bypass that, so a slow
 * or failing store can never delay an emergency reply.
 */
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

const IMMEDIATE = Symbol('sendImmediately');

export async function sendImmediately(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
  context.turnState.set(IMMEDIATE, true);
  try {
    return await context.sendActivities(activities);
  } finally {
    context.turnState.delete(IMMEDIATE);
  }
}

export function isImmediate(context: TurnContext): boolean {
  return context.turnState.get(IMMEDIATE) === true;
}
