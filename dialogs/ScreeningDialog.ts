/**
 * The guided safety check: red-flag questions one per turn (emergency ones first), answered in the
 * patient's own words. Any yes — or "not sure", or an answer still not understood after two
 * re-asks — escalates at once and ends the questions. All no: three context questions (how long,
 * how bad, age) tailor the closing advice, which ends with the booking offer.
 */
import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import type { Reply, TapAnswer } from '../channels/Reply';
import { recogniseYesNo, type YesNo } from '../bot/recogniseYesNo';
import type { SafetyEscalation } from '../bot/SafetyEscalation';
import type { Screening as ScreeningScript } from '../safety/RedFlagRules';
import type { Screening } from '../bot/Screening';
import { outcome, replying, type TurnOutcome } from '../bot/TurnOutcome';
import { parseAge, parseDurationWeeks, parsePainScore } from './contextAnswers';
import { InterruptibleDialog, waiting, type DialogParts, type OutcomeTurnResult } from './InterruptibleDialog';

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

export interface ScreeningParts extends DialogParts {
  readonly escalations: Pick<SafetyEscalation, 'escalate'>;
}

export class ScreeningDialog extends InterruptibleDialog implements Screening {
  constructor(
    private readonly screening: ScreeningParts,
    private readonly script: ScreeningScript,
  ) {
    super(SCREENING_DIALOG, screening);
  }

  async begin(dc: DialogContext): Promise<TurnOutcome> {
    return (await dc.beginDialog(SCREENING_DIALOG)).result as TurnOutcome;
  }

  askAgain(dc: DialogContext): TurnOutcome {
    return this.question(dc.activeDialog!);
  }

  async beginDialog(dc: DialogContext): Promise<OutcomeTurnResult> {
    const progress: ScreeningProgress = { step: 0, reasks: 0 };
    dc.activeDialog!.state.progress = progress;
    return waiting(replying(this.parts.replies.text(this.script.intro), this.ask(progress)));
  }

  protected question(instance: DialogInstance): TurnOutcome {
    return replying(this.ask(instance.state.progress as ScreeningProgress));
  }

  protected async onAnswer(dc: DialogContext, tapped?: TapAnswer): Promise<OutcomeTurnResult> {
    const progress = dc.activeDialog!.state.progress as ScreeningProgress;
    const text = dc.context.activity.text ?? '';
    return progress.step < this.script.questions.length ? this.answerRedFlag(dc, progress, tapped ?? recogniseYesNo(text)) : this.answerContext(dc, progress, text);
  }

  private async answerRedFlag(dc: DialogContext, progress: ScreeningProgress, recognised: YesNo | undefined): Promise<OutcomeTurnResult> {
    const question = this.script.questions[progress.step];
    let answer = recognised;
    if (!answer && progress.reasks < MAX_REASKS) return this.reask(progress);
    answer ??= 'unsure';
    if (answer !== 'no') {
      const escalated = await this.screening.escalations.escalate(dc.context, { kind: 'escalate', urgency: question.urgency, flags: [question.id], advice: question.urgency, language: 'en', aboutSomeoneElse: false });
      return dc.endDialog(escalated);
    }
    return this.next(dc, progress);
  }

  private async answerContext(dc: DialogContext, progress: ScreeningProgress, text: string): Promise<OutcomeTurnResult> {
    const step = CONTEXT_STEPS[progress.step - this.script.questions.length];
    const value = step === 'duration' ? parseDurationWeeks(text) : step === 'pain' ? parsePainScore(text) : parseAge(text);
    // Context only tailors the advice: one re-ask, then it is skipped rather than nag the patient.
    if (value === undefined && !SKIP.test(text.trim()) && progress.reasks < 1) return this.reask(progress);
    if (step === 'duration') progress.durationWeeks = value;
    else if (step === 'pain') progress.pain = value;
    else progress.age = value;
    return this.next(dc, progress);
  }

  private reask(progress: ScreeningProgress): OutcomeTurnResult {
    progress.reasks += 1;
    return waiting(replying(this.parts.replies.text(this.parts.wording.notUnderstood), this.ask(progress)));
  }

  private async next(dc: DialogContext, progress: ScreeningProgress): Promise<OutcomeTurnResult> {
    progress.step += 1;
    progress.reasks = 0;
    if (progress.step < this.script.questions.length + CONTEXT_STEPS.length) return waiting(replying(this.ask(progress)));
    const { replies } = this.parts;
    const closing: Reply = { ...replies.text(this.closing(progress)), safety: true };
    const finished = outcome({ replies: [closing, replies.bookingOffer(dc.context.activity.channelId)], events: [{ kind: 'screeningFinished' }] });
    return dc.endDialog(finished);
  }

  /** The question at `progress`: a red-flag question with yes / no / not sure, or a context question. */
  private ask(progress: ScreeningProgress): Reply {
    const { replies } = this.parts;
    const question = this.script.questions[progress.step];
    if (question) return { text: replies.say(question.text), purpose: 'prompt', choices: replies.yesNoChoices() };
    const step = CONTEXT_STEPS[progress.step - this.script.questions.length];
    const text = step === 'duration' ? this.script.context.duration : step === 'pain' ? this.script.context.painScore : this.script.context.age;
    return replies.text(text, 'prompt');
  }

  /** The article's guidance (acute sciatica often settles in 4–6 weeks), with the clinician's thresholds. */
  private closing(progress: ScreeningProgress): string {
    const { closing, thresholds } = this.script;
    const parts = [closing.noRedFlags];
    if (progress.durationWeeks !== undefined) parts.push(progress.durationWeeks >= thresholds.persistentWeeks ? closing.persistent : closing.acute);
    if (progress.pain !== undefined && progress.pain >= thresholds.highPainFrom) parts.push(closing.highPain);
    if (progress.age !== undefined && (progress.age < thresholds.ageConcernUnder || progress.age > thresholds.ageConcernOver)) parts.push(closing.age);
    parts.push(closing.safetyNet);
    return parts.map((part) => this.parts.replies.say(part)).join('\n\n');
  }
}
