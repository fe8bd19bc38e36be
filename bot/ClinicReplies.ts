/**
 * Builds the clinic's replies from its wording and configuration: answers, follow-ups, "did you mean",
 * the honest no-answer, the welcome and the booking offer. Channel-neutral: the renderer decides how
 * each one looks.
 */

import type { Reply, ReplyChoice, ReplyLink } from '../channels/Reply';
import type { BotConfig } from '../config/BotConfig';
import { fillPlaceholders } from '../config/fillPlaceholders';
import { practicePlaceholders } from '../config/practicePlaceholders';
import type { FaqEntry } from '../faq/FaqEntry';
import type { KnowledgeBase } from '../faq/KnowledgeBase';
import { bookingLink } from './bookingLink';
import type { ConversationWording } from './ConversationWording';

/** Stable topic ids with a special ending: the booking links, or the offer of a safety check. */
const BOOKING_ENTRY = 'booking';
const WARNING_SIGNS_ENTRY = 'warning-signs';
/** Channels whose booking links are kept once made; a channel id is the caller's to choose, so not all. */
const CHANNELS_WITH_LINKS_KEPT = 32;

export class ClinicReplies {
  readonly placeholders: Readonly<Record<string, string>>;
  /** By channel: made once, not at every booking offer (two URLs parsed and printed, ~5 µs a reply). */
  private readonly linksByChannel = new Map<string, readonly ReplyLink[]>();

  constructor(
    private readonly wording: ConversationWording,
    private readonly config: BotConfig,
    /** "General information, not a diagnosis": from the red-flag rules file a clinician reviews. */
    private readonly disclaimer: string,
    /** The Spanish reply to a Spanish message that is not a red flag: from the same reviewed file. */
    private readonly spanishReply: string,
  ) {
    this.placeholders = practicePlaceholders(config);
  }

  say(template: string): string {
    return fillPlaceholders(template, this.placeholders);
  }

  text(template: string, purpose: Reply['purpose'] = 'info'): Reply {
    return { text: this.say(template), purpose };
  }

  otherLanguage(): Reply {
    return this.text(this.spanishReply);
  }

  welcome(kb: KnowledgeBase): Reply[] {
    return [
      { text: `${this.say(this.wording.welcome)}\n\n${this.say(this.disclaimer)}`, purpose: 'info' },
      this.topics(this.wording.askAway, kb),
    ];
  }

  introduction(): string {
    return this.say(this.wording.introduction);
  }

  /** The answer, then its follow-ups to tap, then what this topic ends with. */
  answer(entry: FaqEntry, kb: KnowledgeBase, channelId: string): Reply[] {
    const followUps = this.entryChoices(entry.followUps ?? [], kb);
    const choices = followUps.length ? followUps : undefined;
    if (entry.id === BOOKING_ENTRY) return [{ ...this.bookingLinks(entry.answer, 'booking', channelId), choices }];
    // The warning signs are safety advice: never cut for MORE on SMS.
    const replies: Reply[] = [
      { text: this.say(entry.answer), purpose: 'answer', choices, ...(entry.id === WARNING_SIGNS_ENTRY && { safety: true }) },
    ];
    if (entry.id === WARNING_SIGNS_ENTRY) replies.push(this.safetyCheckOffer());
    if (entry.offerBooking) replies.push(this.bookingOffer(channelId));
    return replies;
  }

  /** "Would you like a quick safety check?", with the choice that starts it. */
  safetyCheckOffer(): Reply {
    return {
      text: this.say(this.wording.offerSafetyCheck),
      purpose: 'prompt',
      choices: [{ title: this.wording.safetyCheckChoice, tap: { command: 'checkSymptoms' } }],
    };
  }

  /** Yes / No / Not sure, offered with every safety question. */
  yesNoChoices(): ReplyChoice[] {
    const { yes, no, unsure } = this.wording.answerChoices;
    return [
      { title: yes, tap: { answer: 'yes' } },
      { title: no, tap: { answer: 'no' } },
      { title: unsure, tap: { answer: 'unsure' } },
    ];
  }

  didYouMean(suggestions: readonly FaqEntry[]): Reply {
    const choices: ReplyChoice[] = suggestions.map((entry) => ({ title: entry.title ?? entry.id, tap: { entryId: entry.id } }));
    choices.push({ title: this.wording.noneOfThese, tap: { command: 'noneOfThese' } });
    return { text: this.say(this.wording.didYouMean), purpose: 'prompt', choices };
  }

  /** Another body part, condition or species: the polite "I can only help with sciatica", no booking pitch. */
  outOfDomain(kb: KnowledgeBase): Reply {
    return this.topics(this.wording.outOfDomain, kb);
  }

  noAnswer(kb: KnowledgeBase, channelId: string): Reply[] {
    return [this.topics(this.wording.noAnswer, kb), this.bookingOffer(channelId)];
  }

  topics(template: string, kb: KnowledgeBase): Reply {
    return { text: this.say(template), purpose: 'prompt', choices: this.entryChoices(this.wording.popularTopics, kb) };
  }

  booking(channelId: string): Reply {
    return this.bookingLinks(this.wording.bookingDetails, 'booking', channelId);
  }

  bookingOffer(channelId: string): Reply {
    return this.bookingLinks(this.wording.bookingOffer, 'bookingOffer', channelId);
  }

  private bookingLinks(template: string, purpose: 'booking' | 'bookingOffer', channelId: string): Reply {
    return { text: this.say(template), purpose, links: this.linksFor(channelId) };
  }

  private linksFor(channelId: string): readonly ReplyLink[] {
    const kept = this.linksByChannel.get(channelId);
    if (kept) return kept;
    const utm = this.config.bookingUtm ? channelId : undefined;
    const links = [
      { title: this.wording.bookFirstSession, url: bookingLink(this.config.bookingUrl, utm) },
      { title: this.wording.scheduleDiscoveryCall, url: bookingLink(this.config.discoveryCallUrl, utm) },
    ];
    if (this.linksByChannel.size < CHANNELS_WITH_LINKS_KEPT) this.linksByChannel.set(channelId, links);
    return links;
  }

  private entryChoices(ids: readonly string[], kb: KnowledgeBase): ReplyChoice[] {
    return ids.flatMap((id) => {
      const entry = kb.entry(id);
      return entry ? [{ title: entry.title ?? entry.id, tap: { entryId: entry.id } }] : [];
    });
  }
}
