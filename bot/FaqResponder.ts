/**
 * Answers from the knowledge base: a question matched to an entry, a tapped entry, "did you mean"
 * when the best matches are close, or the honest no-answer; each with its FaqMatch trace.
 */
import { decideFollowUp } from '../faq/FollowUp';
import type { KnowledgeBase } from '../faq/KnowledgeBase';
import type { TurnEvent } from '../usage/TurnEvents';
import type { ClinicReplies } from './ClinicReplies';
import type { ConversationWording } from './ConversationWording';
import type { IntentRouter } from './IntentRouter';
import type { SessionState } from './SessionState';
import { FAQ_MATCH, trace } from './Traces';
import { combine, outcome, replying, type TurnOutcome } from './TurnOutcome';

export class FaqResponder {
  constructor(
    private readonly replies: ClinicReplies,
    private readonly wording: ConversationWording,
    private readonly router: IntentRouter,
    private readonly knowledge: () => KnowledgeBase,
  ) {}

  answerQuestion(channelId: string, session: SessionState, kb: KnowledgeBase, text: string): TurnOutcome {
    const { replies } = this;
    const decision = decideFollowUp(kb, text, session.lastEntryId);
    session.lastEntryId = decision.kind === 'answer' ? decision.entry.id : undefined;
    const query = text.slice(0, kb.options.maxMessageLength);
    const traces = [
      trace(FAQ_MATCH, { query, answerId: decision.kind === 'answer' ? decision.entry.id : null, candidates: decision.candidates }),
    ];
    let answered: TurnOutcome;
    if (decision.kind === 'answer') {
      const events: TurnEvent[] = [{ kind: 'answered', entryId: decision.entry.id }];
      if (kb.isUnsure(decision)) events.push({ kind: 'unsureAnswer', entryId: decision.entry.id, text: query });
      answered = outcome({ replies: replies.answer(decision.entry, kb, channelId), events, traces });
    } else {
      const unanswered =
        decision.kind === 'didYouMean'
          ? [replies.didYouMean(decision.suggestions)]
          : decision.outOfDomain !== undefined
            ? [replies.outOfDomain(kb)]
            : replies.noAnswer(kb, channelId);
      answered = outcome({
        replies: unanswered,
        events: [{ kind: 'unanswered', outcome: decision.kind, text: query, closestEntryId: decision.candidates[0]?.id }],
        traces,
      });
    }
    return combine(answered, this.offerSafetyCheck(session, text));
  }

  /** `text` is what the tap carried as text, for the trace. */
  answerEntry(channelId: string, session: SessionState, entryId: string, text: string): TurnOutcome {
    const kb = this.knowledge();
    const entry = kb.entry(entryId);
    session.lastEntryId = entry?.id;
    if (!entry) return replying(this.replies.topics(this.wording.noAnswer, kb));
    return outcome({
      replies: this.replies.answer(entry, kb, channelId),
      events: [{ kind: 'answered', entryId: entry.id }],
      traces: [trace(FAQ_MATCH, { query: text, answerId: entry.id, candidates: [{ id: entry.id, score: 1 }] })],
    });
  }

  /** A patient describing their own symptoms is offered the safety check, once per conversation. */
  private offerSafetyCheck(session: SessionState, text: string): TurnOutcome {
    if (session.safetyCheckOffered || session.escalation || !this.router.describesSymptoms(text)) return replying();
    session.safetyCheckOffered = true;
    return replying(this.replies.safetyCheckOffer());
  }
}
