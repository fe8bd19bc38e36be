/**
 * The only things a browser may choose about an activity: a message (its text, and the `value` a
 * tapped button carries) or the `webchat/join` event. Everything else (ids, channel, serviceUrl,
 * who it is from) is decided by the server, so a client cannot impersonate another conversation.
 */
import { WEBCHAT_JOIN_EVENT } from '../../bot/framework/SciaticaBot';
import { isObject, withoutControlCharacters } from '../validateActivity';

export type ClientInput =
  | { readonly type: 'message'; readonly text?: string; readonly value?: unknown }
  | { readonly type: 'event'; readonly name: typeof WEBCHAT_JOIN_EVENT };

/** A tapped suggestion carries `{ entryId }`; nothing legitimate comes close to this size. */
const MAX_VALUE_JSON = 2048;

export function parseClientInput(body: unknown): ClientInput | string {
  if (!isObject(body)) return 'the body must be a JSON object';
  if (body.type === 'event') {
    return body.name === WEBCHAT_JOIN_EVENT
      ? { type: 'event', name: WEBCHAT_JOIN_EVENT }
      : `only the "${WEBCHAT_JOIN_EVENT}" event is accepted`;
  }
  if (body.type !== 'message') return '"type" must be "message" or "event"';
  const { text, value } = body;
  if (text !== undefined && typeof text !== 'string') return '"text" must be text';
  if (value !== undefined) {
    if (!isObject(value) && typeof value !== 'string') return '"value" must be an object or text';
    if (JSON.stringify(value).length > MAX_VALUE_JSON) return '"value" is too large';
  }
  if (!text?.trim() && value === undefined) return 'a message needs "text" or "value"';
  return { type: 'message', text: text === undefined ? undefined : withoutControlCharacters(text), value };
}
