/**
 * Posts one activity to a bot's /api/messages with `deliveryMode: expectReplies`, so the replies
 * come back in the response body: how the terminal chat, the tests and the benchmark talk to the
 * real server without a Bot Connector service.
 */
import type { Activity } from 'botbuilder';

export interface PostedTurn {
  readonly status: number;
  readonly activities: Activity[];
}

export async function postActivity(baseUrl: string, activity: Partial<Activity>): Promise<PostedTurn> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
  });
  const body = (await response.json().catch(() => ({}))) as { activities?: Activity[] };
  return { status: response.status, activities: body.activities ?? [] };
}
