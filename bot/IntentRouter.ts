/**
 * Decides what kind of message this is before the knowledge base is consulted: a command
 * ("start over", "help"), small talk, a booking request, a message in Spanish, or a question for the FAQ.
 * Phrases come from `knowledge/conversation.json`; whole-message matches only, so
 * "hi, what is sciatica?" still reaches the FAQ.
 */
import type { MessageLanguage } from '../language/MessageLanguage';
import type { CommandName, ConversationWording, SmallTalkTopic } from './ConversationWording';

export type Intent =
  | { readonly kind: 'command'; readonly command: CommandName }
  | { readonly kind: 'carrierOptOut' }
  | { readonly kind: 'smallTalk'; readonly topic: SmallTalkTopic }
  | { readonly kind: 'booking' }
  /** Written in Spanish: the assistant answers in English, so it says so in Spanish with the clinic's phone. */
  | { readonly kind: 'spanish' }
  | { readonly kind: 'question' };

/** Lower case, straight quotes, single spaces, no punctuation at either end. */
export function normalisePhrase(text: string): string {
  // A whitespace run is made one space only where it is not one already (replacing every space with a space
  // cost ~0.2 ms of a 16 KB message).
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .replace(/^[\s"'.,!?¿¡:;()-]+|[\s"'.,!?:;()-]+$/g, '');
}

export class IntentRouter {
  private readonly commands: ReadonlyMap<string, CommandName>;
  private readonly optOutWords: ReadonlySet<string>;
  private readonly booking: readonly RegExp[];
  private readonly smallTalk: readonly { topic: SmallTalkTopic; pattern: RegExp }[];
  private readonly symptomReport: RegExp;

  constructor(
    wording: ConversationWording,
    private readonly language?: MessageLanguage,
  ) {
    this.commands = new Map(
      (Object.entries(wording.commands) as [CommandName, readonly string[]][]).flatMap(([command, phrases]) =>
        phrases.map((phrase) => [normalisePhrase(phrase), command] as const),
      ),
    );
    this.optOutWords = new Set(wording.carrierOptOutWords);
    this.booking = wording.booking.patterns.map((pattern) => new RegExp(pattern));
    this.smallTalk = wording.smallTalk.map((topic) => ({ topic, pattern: new RegExp(`^(?:${topic.patterns.join('|')})$`) }));
    this.symptomReport = new RegExp(wording.symptomReport.patterns.join('|'));
  }

  /** Whether a message describes the patient's own symptoms (then the safety check is offered). */
  describesSymptoms(text: string): boolean {
    return this.symptomReport.test(normalisePhrase(text));
  }

  /** `carrierOptOut` is true on SMS, where STOP, CANCEL and the like belong to the carrier. */
  route(text: string, carrierOptOut: boolean): Intent {
    const phrase = normalisePhrase(text);
    if (carrierOptOut && this.optOutWords.has(phrase)) return { kind: 'carrierOptOut' };
    const command = this.commands.get(phrase);
    if (command) return { kind: 'command', command };
    if (this.booking.some((pattern) => pattern.test(phrase))) return { kind: 'booking' };
    const smallTalk = this.smallTalk.find(({ pattern }) => pattern.test(phrase));
    if (smallTalk) return { kind: 'smallTalk', topic: smallTalk.topic };
    if (this.language?.isSpanish(text)) return { kind: 'spanish' };
    return { kind: 'question' };
  }
}
