/**
 * The guided safety check: red-flag questions one per turn (emergency ones first), answered in the
 * patient's own words. Any yes — or "not sure", or an answer still not understood after two
 * re-asks — escalates at once and ends the questions. All no: three context questions (how long,
 * how bad, age) tailor the closing advice, which ends with the booking offer.
 *
 * Like BotBuilder-Samples' CancelAndHelpDialog, before an answer is read "help" and "privacy" are
 * answered and the question asked again, while "cancel", "start over", "menu" and the like leave
 * the check and are handled as they are anywhere else. On SMS, carrier opt-out words are left
 * unanswered and the patient keeps their place. A plain state machine over the session's
 * `screening` progress: it needs none of botbuilder-dialogs' prompt machinery.
 */

import type { ClinicReplies } from '../bot/ClinicReplies';
import { notice } from '../bot/CommandResponder';
import type { ConversationWording } from '../bot/ConversationWording';
import type { Intent, IntentRouter } from '../bot/IntentRouter';
import type { PatientMessage } from '../bot/PatientMessage';
import { readTap } from '../bot/readTap';
import type { SafetyEscalation } from '../bot/SafetyEscalation';
import type { Screening } from '../bot/Screening';
import type { ScreeningProgress, SessionState } from '../bot/SessionState';
import { NOTHING, outcome, replying, type TurnOutcome } from '../bot/TurnOutcome';
import type { YesNo, YesNoRecogniser } from '../bot/YesNoRecogniser';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Reply, TapAnswer } from '../channels/Reply';
import type { Screening as ScreeningScript } from '../safety/RedFlagRules';
import { parseAge, parseDurationWeeks, parsePainScore } from './contextAnswers';

/** A safety question is re-asked at most twice; then the answer counts as "not sure". */
const MAX_REASKS = 2;
const CONTEXT_STEPS = ['duration', 'pain', 'age'] as const;

export interface ScreeningParts {
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  readonly router: IntentRouter;
  readonly yesNo: YesNoRecogniser;
  readonly escalations: Pick<SafetyEscalation, 'escalate'>;
}

export class ScreeningDialog implements Screening {
  /** Whole answers that skip a context question (conversation.json `screeningSkipWords`). */
  private readonly skipWords: ReadonlySet<string>;

  constructor(
    private readonly parts: ScreeningParts,
    private readonly script: ScreeningScript,
  ) {
    this.skipWords = new Set(parts.wording.screeningSkipWords.words.map((word) => word.toLowerCase()));
  }

  begin(session: SessionState): TurnOutcome {
    const progress: ScreeningProgress = { step: 0, reasks: 0 };
    session.screening = progress;
    return replying(this.parts.replies.text(this.script.intro), this.ask(progress));
  }

  askAgain(session: SessionState): TurnOutcome {
    return session.screening ? replying(this.ask(session.screening)) : NOTHING;
  }

  continue(session: SessionState, message: PatientMessage): TurnOutcome | undefined {
    const progress = session.screening;
    if (!progress) return undefined;
    const caps = capabilitiesFor(message.channelId);
    // A tapped button says what it means; only typed text is matched against the phrase lists.
    const tap = readTap(message.value);
    if (tap && 'answer' in tap) return this.answer(session, progress, message, tap.answer);
    const intent: Intent =
      tap && 'command' in tap ? { kind: 'command', command: tap.command } : this.parts.router.route(message.text, caps.carrierOptOutWords);
    if (intent.kind === 'carrierOptOut') return NOTHING;
    if (intent.kind !== 'command') return this.answer(session, progress, message);

    const { replies, wording } = this.parts;
    switch (intent.command) {
      case 'help':
      case 'privacy':
        return replying(replies.text(notice(intent.command, wording, caps)), this.ask(progress));
      // "more" has nothing to add to a short question; leaving would lose the patient's place.
      case 'more':
      case 'checkSymptoms':
        return replying(this.ask(progress));
      default:
        // Leaving the check hands the message back to the turn, which handles the command.
        session.screening = undefined;
        return undefined;
    }
  }

  /** The patient's reply to the current question; `tapped` when it was a yes / no / not sure button. */
  private answer(session: SessionState, progress: ScreeningProgress, message: PatientMessage, tapped?: TapAnswer): TurnOutcome {
    return progress.step < this.script.questions.length
      ? this.answerRedFlag(session, progress, message, tapped ?? this.parts.yesNo.recognise(message.text))
      : this.answerContext(session, progress, message);
  }

  private answerRedFlag(
    session: SessionState,
    progress: ScreeningProgress,
    message: PatientMessage,
    recognised: YesNo | undefined,
  ): TurnOutcome {
    const question = this.script.questions[progress.step];
    let answer = recognised;
    if (!answer && progress.reasks < MAX_REASKS) return this.reask(progress);
    answer ??= 'unsure';
    if (answer !== 'no') {
      session.screening = undefined;
      return this.parts.escalations.escalate({
        kind: 'escalate',
        urgency: question.urgency,
        flags: [question.id],
        advice: question.urgency,
        language: 'en',
        aboutSomeoneElse: false,
      });
    }
    return this.next(session, progress, message);
  }

  private answerContext(session: SessionState, progress: ScreeningProgress, message: PatientMessage): TurnOutcome {
    const { text } = message;
    const step = CONTEXT_STEPS[progress.step - this.script.questions.length];
    const value = step === 'duration' ? parseDurationWeeks(text) : step === 'pain' ? parsePainScore(text) : parseAge(text);
    // Context only tailors the advice: one re-ask, then it is skipped rather than nag the patient.
    if (value === undefined && !this.skipWords.has(text.trim().toLowerCase()) && progress.reasks < 1) return this.reask(progress);
    if (step === 'duration') progress.durationWeeks = value;
    else if (step === 'pain') progress.pain = value;
    else progress.age = value;
    return this.next(session, progress, message);
  }

  private reask(progress: ScreeningProgress): TurnOutcome {
    progress.reasks += 1;
    return replying(this.parts.replies.text(this.parts.wording.notUnderstood), this.ask(progress));
  }

  private next(session: SessionState, progress: ScreeningProgress, message: PatientMessage): TurnOutcome {
    progress.step += 1;
    progress.reasks = 0;
    if (progress.step < this.script.questions.length + CONTEXT_STEPS.length) return replying(this.ask(progress));
    session.screening = undefined;
    const { replies } = this.parts;
    const closing: Reply = { ...replies.text(this.closing(progress)), safety: true };
    return outcome({ replies: [closing, replies.bookingOffer(message.channelId)], events: [{ kind: 'screeningFinished' }] });
  }

  /** The question at `progress`: a red-flag question with yes / no / not sure, or a context question. */
  private ask(progress: ScreeningProgress): Reply {
    const { replies } = this.parts;
    const question = this.script.questions[progress.step];
    if (question) return { text: replies.say(question.text), purpose: 'prompt', choices: replies.yesNoChoices() };
    const step = CONTEXT_STEPS[progress.step - this.script.questions.length];
    const text =
      step === 'duration' ? this.script.context.duration : step === 'pain' ? this.script.context.painScore : this.script.context.age;
    return replies.text(text, 'prompt');
  }

  /** The article's guidance (acute sciatica often settles in 4–6 weeks), with the clinician's thresholds. */
  private closing(progress: ScreeningProgress): string {
    const { closing, thresholds } = this.script;
    const parts = [closing.noRedFlags];
    if (progress.durationWeeks !== undefined)
      parts.push(progress.durationWeeks >= thresholds.persistentWeeks ? closing.persistent : closing.acute);
    if (progress.pain !== undefined && progress.pain >= thresholds.highPainFrom) parts.push(closing.highPain);
    if (progress.age !== undefined && (progress.age < thresholds.ageConcernUnder || progress.age > thresholds.ageConcernOver))
      parts.push(closing.age);
    parts.push(closing.safetyNet);
    return parts.map((part) => this.parts.replies.say(part)).join('\n\n');
  }
}
