/**
 * Checks the shape of an incoming activity before the adapter sees it: CloudAdapter answers 500 to an
 * activity with no `type`, and a hostile caller can send anything. Returns a reason for a 400, or
 * undefined when the activity is acceptable. Control characters are removed from the text in place.
 */
const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'message',
  'conversationUpdate',
  'contactRelationUpdate',
  'typing',
  'endOfConversation',
  'event',
  'invoke',
  'installationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'deleteUserData',
  'suggestion',
  'trace',
  'handoff',
  'command',
  'commandResult',
]);

// Keeps tab, newline and carriage return; drops NUL and the other C0/C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The text as the bot reads it: the web chat cleans a message this way before its red-flag check. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** A JSON object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replies are posted to serviceUrl: nothing but http(s) (no gopher:, file:, data:). */
function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function hasId(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string' && value.id.length > 0 && value.id.length <= 512;
}

export function validateActivity(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || !KNOWN_TYPES.has(body.type)) return 'the activity needs a known "type"';
  if (typeof body.channelId !== 'string' || !/^[\w.-]{1,64}$/.test(body.channelId)) return 'the activity needs a "channelId"';
  if (!hasId(body.conversation)) return 'the activity needs "conversation.id"';
  if (!hasId(body.from)) return 'the activity needs "from.id"';
  if (body.recipient !== undefined && !hasId(body.recipient)) return '"recipient" must have an id';
  if (body.serviceUrl !== undefined && !isHttpUrl(body.serviceUrl)) return '"serviceUrl" must be an http(s) URL';
  if (body.deliveryMode !== undefined && typeof body.deliveryMode !== 'string') return '"deliveryMode" must be text';
  if (body.text !== undefined && body.text !== null) {
    if (typeof body.text !== 'string') return '"text" must be text';
    body.text = withoutControlCharacters(body.text);
  }
  if (body.type === 'invoke' && body.name !== undefined && typeof body.name !== 'string') return '"name" must be text';
  return undefined;
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * With auth off, the bot must not be usable to make requests to arbitrary URLs: only turns whose
 * replies come back in the HTTP response, or whose serviceUrl is on this machine, are accepted.
 */
export function isSafeAnonymousTurn(body: { deliveryMode?: unknown; serviceUrl?: unknown }): boolean {
  if (body.deliveryMode === 'expectReplies') return true;
  if (typeof body.serviceUrl !== 'string') return false;
  try {
    return LOOPBACK_HOSTS.test(new URL(body.serviceUrl).hostname);
  } catch {
    return false;
  }
}
