/**
 * Answers from the knowledge base: a question matched to an entry, a tapped entry, "did you mean"
 * when the best matches are close, or the honest no-answer; each with its FaqMatch trace.
 */
import type { TurnContext } from 'botbuilder';
import { decideFollowUp } from '../knowledge/FollowUp';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { MessageTurnServices } from './MessageTurn';
import { Outbox } from './Outbox';
import type { SessionState } from './SessionState';
import { FAQ_MATCH, trace } from './Traces';
import { TurnEventLog } from './TurnEvents';

export class FaqResponder {
  constructor(private readonly services: MessageTurnServices) {}

  async answerQuestion(context: TurnContext, session: SessionState, kb: KnowledgeBase, text: string): Promise<void> {
    const { replies } = this.services;
    const channelId = context.activity.channelId;
    const decision = decideFollowUp(kb, text, session.lastEntryId);
    session.lastEntryId = decision.kind === 'answer' ? decision.entry.id : undefined;
    const outbox = Outbox.for(context);
    const events = TurnEventLog.for(context);
    const query = text.slice(0, kb.options.maxMessageLength);
    await context.sendActivity(trace(FAQ_MATCH, { query, answerId: decision.kind === 'answer' ? decision.entry.id : null, candidates: decision.candidates }));
    if (decision.kind === 'answer') {
      events.add({ kind: 'answered', entryId: decision.entry.id });
      if (kb.isUnsure(decision)) events.add({ kind: 'unsureAnswer', entryId: decision.entry.id, text: query });
      outbox.add(...replies.answer(decision.entry, kb, channelId));
    } else {
      events.add({ kind: 'unanswered', outcome: decision.kind, text: query, closestEntryId: decision.candidates[0]?.id });
      if (decision.kind === 'didYouMean') outbox.add(replies.didYouMean(decision.suggestions));
      else if (decision.outOfDomain !== undefined) outbox.add(replies.outOfDomain(kb));
      else outbox.add(...replies.noAnswer(kb, channelId));
    }
    this.offerSafetyCheck(context, session, text);
  }

  async answerEntry(context: TurnContext, session: SessionState, entryId: string): Promise<void> {
    const kb = this.services.knowledge();
    const entry = kb.entry(entryId);
    session.lastEntryId = entry?.id;
    const channelId = context.activity.channelId;
    if (!entry) return Outbox.for(context).add(this.services.replies.topics(this.services.wording.noAnswer, kb));
    await context.sendActivity(trace(FAQ_MATCH, { query: context.activity.text ?? '', answerId: entry.id, candidates: [{ id: entry.id, score: 1 }] }));
    TurnEventLog.for(context).add({ kind: 'answered', entryId: entry.id });
    Outbox.for(context).add(...this.services.replies.answer(entry, kb, channelId));
  }

  /** A patient describing their own symptoms is offered the safety check, once per conversation. */
  private offerSafetyCheck(context: TurnContext, session: SessionState, text: string): void {
    if (session.safetyCheckOffered || session.escalation || !this.services.router.describesSymptoms(text)) return;
    session.safetyCheckOffered = true;
    Outbox.for(context).add(this.services.replies.safetyCheckOffer());
  }
}
