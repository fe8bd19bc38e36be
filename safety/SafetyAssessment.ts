/** What the red-flag check concluded about one message. */
export type Urgency = 'emergency' | 'urgent' | 'crisis';

/** The language safety wording is given in: the one the red flag was written in, else the message's. */
export type ReplyLanguage = 'en' | 'es';

export type SafetyAssessment =
  /** `riskConcepts`: risk words the context layer set aside (negated, past, a question): no sales pitch. */
  | { readonly kind: 'clear'; readonly riskConcepts: readonly string[] }
  /**
   * `flags` are the ids of the rules that fired, for the trace and the clinician's audit; `advice` names the
   * wording (usually the urgency; "crisisNow" for an attempt in progress); `aboutSomeoneElse` when the writer
   * reports another person's symptoms.
   */
  | {
      readonly kind: 'escalate';
      readonly urgency: Urgency;
      readonly flags: readonly string[];
      readonly advice: string;
      readonly language: ReplyLanguage;
      readonly aboutSomeoneElse: boolean;
    }
  /** A risk concept without a completed rule: one question about that concept settles it. */
  | { readonly kind: 'clarify'; readonly ruleId: string; readonly question: string; readonly language: ReplyLanguage };

/** Whether a message carries anything a booking or FAQ pitch must never be added to. */
export function carriesRisk(assessment: SafetyAssessment): boolean {
  return assessment.kind !== 'clear' || assessment.riskConcepts.length > 0;
}
