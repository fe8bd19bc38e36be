/**
 * The red-flag check of one message, run at most once however many stages ask for it: the rate
 * limit (only for a message over its everyday budget) and the turn itself. The HTTP layer creates
 * it and hands it to the turn in the turn state, so a long message costs one scan, not two.
 */
import type { TurnContext } from 'botbuilder';
import type { RedFlagDetector } from '../../safety/RedFlagDetector';
import type { SafetyAssessment } from '../../safety/SafetyAssessment';

const TURN_STATE_KEY = Symbol('redFlagCheck');

export class RedFlagCheck {
  private result?: SafetyAssessment;

  constructor(
    private readonly detector: Pick<RedFlagDetector, 'assess'>,
    readonly text: string,
  ) {}

  get assessment(): SafetyAssessment {
    this.result ??= this.detector.assess(this.text);
    return this.result;
  }

  /** Escalate or clarify: the message gets the red-flag budget and, beyond it, the safety advice. */
  get mayBeRedFlag(): boolean {
    return this.text !== '' && this.assessment.kind !== 'clear';
  }

  handTo(context: TurnContext): void {
    context.turnState.set(TURN_STATE_KEY, this);
  }

  /** The check the HTTP layer handed over for this text, or a new one (tests, the terminal chat). */
  static of(context: TurnContext, detector: Pick<RedFlagDetector, 'assess'>, text: string): RedFlagCheck {
    const handed = context.turnState.get(TURN_STATE_KEY) as RedFlagCheck | undefined;
    return handed?.text === text ? handed : new RedFlagCheck(detector, text);
  }
}
