/**
 * Web Chat shows suggested actions only while their activity is the last one, so choices offered
 * earlier in a turn (an answer's follow-ups, the no-answer topics) vanish under a booking card that
 * follows them. They move to the turn's last activity, unless that one asks its own question.
 */
import type { Activity } from 'botbuilder';

export function moveChoicesToTurnEnd(activities: Partial<Activity>[]): void {
  const last = activities[activities.length - 1];
  if (!last || last.suggestedActions) return;
  const offering = activities.findLast((activity) => activity.suggestedActions);
  if (!offering) return;
  last.suggestedActions = offering.suggestedActions;
  delete offering.suggestedActions;
}
