/**
 * Each concept mention of one message read on its own by the context layer, worked out once per message.
 * The rules, the net's cues and the history checks ask the same question of the same mention many times
 * (a 16 KB message: dozens of rules over hundreds of mentions, every rule re-reading the parts of every
 * anchor's combination); the reading depends only on the message, the mention and the two options, so the
 * first answer is kept.
 */
import type { ConceptMention } from './ConceptLexicon';
import type { ConceptWords, ContextLayer, Reading, Span } from './ContextLayer';
import type { PatientWords } from './PatientWords';

export interface ReadingOptions {
  readonly historyCounts: boolean;
  readonly crisis: boolean;
}

export class MentionReadings {
  /** Per mention, its reading under each of the four option pairs (see slotOf). */
  private readonly readings = new Map<ConceptMention, Array<Reading | undefined>>();
  /** Per mention, whether it is denied, without and with the crisis reading (see negated). */
  private readonly denials = new Map<ConceptMention, Array<boolean | undefined>>();
  /** Per finding, the readings of the combinations around it: by span and option pair (see read). */
  private readonly combinations = new Map<ConceptMention, Map<number, Reading>>();

  constructor(
    private readonly context: ContextLayer,
    private readonly text: PatientWords,
    private readonly covered: ConceptWords,
  ) {}

  /** The mention read with its own words as both its span and its finding. */
  alone(mention: ConceptMention, options: ReadingOptions): Reading {
    let known = this.readings.get(mention);
    if (known === undefined) {
      known = [];
      this.readings.set(mention, known);
    }
    const slot = slotOf(options);
    let reading = known[slot];
    if (reading === undefined) {
      reading = this.context.read(this.text.words, this.text.sentences, mention, mention, this.covered, options);
      known[slot] = reading;
    }
    return reading;
  }

  /** Whether the mention, read on its own, is 'negated': all a rule asks of its other parts. */
  negated(mention: ConceptMention, options: ReadingOptions): boolean {
    const known = this.readings.get(mention)?.[slotOf(options)];
    if (known !== undefined) return known === 'negated';
    let denials = this.denials.get(mention);
    if (denials === undefined) {
      denials = [];
      this.denials.set(mention, denials);
    }
    const slot = options.crisis ? 1 : 0;
    let denied = denials[slot];
    if (denied === undefined) {
      denied = this.context.isDenied(this.text.words, this.text.sentences, mention, mention, this.covered, options.crisis);
      denials[slot] = denied;
    }
    return denied;
  }

  /**
   * A combination of mentions read where it stands (`span`), its denial reaching `finding`. Rules that share
   * concepts complete on the same combination (and a message-wide rule reads its anchor alone): read once.
   */
  read(span: Span, finding: ConceptMention, options: ReadingOptions): Reading {
    if (span.from === finding.from && span.to === finding.to) return this.alone(finding, options);
    let bySpan = this.combinations.get(finding);
    if (bySpan === undefined) {
      bySpan = new Map();
      this.combinations.set(finding, bySpan);
    }
    const key = (span.from * (this.text.words.length + 1) + span.to) * 4 + slotOf(options);
    let reading = bySpan.get(key);
    if (reading === undefined) {
      reading = this.context.read(this.text.words, this.text.sentences, span, finding, this.covered, options);
      bySpan.set(key, reading);
    }
    return reading;
  }
}

function slotOf(options: ReadingOptions): number {
  return (options.historyCounts ? 1 : 0) + (options.crisis ? 2 : 0);
}
