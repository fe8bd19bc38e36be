/**
 * The guided safety check: red-flag questions one per turn (emergency ones first), answered in the
 * patient's own words. Any yes — or "not sure", or an answer still not understood after two
 * re-asks — escalates at once and ends the questions. All no: three context questions (how long,
 * how bad, age) tailor the closing advice, which ends with the booking offer.
 */
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { MessageTurnServices } from '../bot/MessageTurn';
import { TurnEventLog } from '../bot/TurnEvents';
import { Outbox } from '../bot/Outbox';
import { parseAge, parseDurationWeeks, parsePainScore } from './contextAnswers';
import { InterruptibleDialog } from './InterruptibleDialog';
import { recogniseYesNo } from './recogniseYesNo';
import type { Screening } from '../safety/RedFlagRules';

export const SCREENING_DIALOG = 'screening';

/** A safety question is re-asked at most twice; then the answer counts as "not sure". */
const MAX_REASKS = 2;
const CONTEXT_STEPS = ['duration', 'pain', 'age'] as const;
const SKIP = /^(skip|pass|next|rather not say|prefer not to say|n\/a|don'?t know|not sure|no idea)$/i;

interface ScreeningProgress {
  step: number;
  reasks: number;
  durationWeeks?: number;
  pain?: number;
  age?: number;
}

export class ScreeningDialog extends InterruptibleDialog {
  constructor(
    services: MessageTurnServices,
    private readonly script: Screening,
  ) {
    super(SCREENING_DIALOG, services);
  }

  async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const progress: ScreeningProgress = { step: 0, reasks: 0 };
    dc.activeDialog!.state.progress = progress;
    Outbox.for(dc.context).add(this.services.replies.text(this.script.intro));
    this.ask(dc.context, progress);
    return Dialog.EndOfTurn;
  }

  async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    this.ask(context, instance.state.progress as ScreeningProgress);
  }

  protected async onAnswer(dc: DialogContext): Promise<DialogTurnResult> {
    const progress = dc.activeDialog!.state.progress as ScreeningProgress;
    const text = dc.context.activity.text ?? '';
    return progress.step < this.script.questions.length ? this.answerRedFlag(dc, progress, text) : this.answerContext(dc, progress, text);
  }

  private async answerRedFlag(dc: DialogContext, progress: ScreeningProgress, text: string): Promise<DialogTurnResult> {
    const question = this.script.questions[progress.step];
    let answer = recogniseYesNo(text);
    if (!answer && progress.reasks < MAX_REASKS) return this.reask(dc, progress);
    answer ??= 'unsure';
    if (answer !== 'no') {
      await this.services.escalations.escalate(dc.context, { kind: 'escalate', urgency: question.urgency, flags: [question.id], advice: question.urgency, language: 'en', aboutSomeoneElse: false });
      return dc.endDialog();
    }
    return this.next(dc, progress);
  }

  private async answerContext(dc: DialogContext, progress: ScreeningProgress, text: string): Promise<DialogTurnResult> {
    const step = CONTEXT_STEPS[progress.step - this.script.questions.length];
    const value = step === 'duration' ? parseDurationWeeks(text) : step === 'pain' ? parsePainScore(text) : parseAge(text);
    // Context only tailors the advice: one re-ask, then it is skipped rather than nag the patient.
    if (value === undefined && !SKIP.test(text.trim()) && progress.reasks < 1) return this.reask(dc, progress);
    if (step === 'duration') progress.durationWeeks = value;
    else if (step === 'pain') progress.pain = value;
    else progress.age = value;
    return this.next(dc, progress);
  }

  private reask(dc: DialogContext, progress: ScreeningProgress): DialogTurnResult {
    progress.reasks += 1;
    Outbox.for(dc.context).add(this.services.replies.text(this.services.wording.notUnderstood));
    this.ask(dc.context, progress);
    return Dialog.EndOfTurn;
  }

  private async next(dc: DialogContext, progress: ScreeningProgress): Promise<DialogTurnResult> {
    progress.step += 1;
    progress.reasks = 0;
    if (progress.step < this.script.questions.length + CONTEXT_STEPS.length) {
      this.ask(dc.context, progress);
      return Dialog.EndOfTurn;
    }
    const channelId = dc.context.activity.channelId;
    TurnEventLog.for(dc.context).add({ kind: 'screeningFinished' }, { kind: 'bookingOffered' });
    Outbox.for(dc.context).add(this.services.replies.text(this.closing(progress)), this.services.replies.bookingOffer(channelId));
    return dc.endDialog();
  }

  private ask(context: TurnContext, progress: ScreeningProgress): void {
    const { replies } = this.services;
    const question = this.script.questions[progress.step];
    if (question) {
      Outbox.for(context).add({ text: replies.say(question.text), purpose: 'prompt', choices: replies.yesNoChoices() });
      return;
    }
    const step = CONTEXT_STEPS[progress.step - this.script.questions.length];
    const text = step === 'duration' ? this.script.context.duration : step === 'pain' ? this.script.context.painScore : this.script.context.age;
    Outbox.for(context).add(replies.text(text, 'prompt'));
  }

  /** The article's guidance (acute sciatica often settles in 4–6 weeks), with the clinician's thresholds. */
  private closing(progress: ScreeningProgress): string {
    const { closing, thresholds } = this.script;
    const parts = [closing.noRedFlags];
    if (progress.durationWeeks !== undefined) parts.push(progress.durationWeeks >= thresholds.persistentWeeks ? closing.persistent : closing.acute);
    if (progress.pain !== undefined && progress.pain >= thresholds.highPainFrom) parts.push(closing.highPain);
    if (progress.age !== undefined && (progress.age < thresholds.ageConcernUnder || progress.age > thresholds.ageConcernOver)) parts.push(closing.age);
    parts.push(closing.safetyNet);
    return parts.map((part) => this.services.replies.say(part)).join('\n\n');
  }
}
