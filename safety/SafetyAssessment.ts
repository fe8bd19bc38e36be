/** What the red-flag check concluded about one message. */
export type Urgency = 'emergency' | 'urgent' | 'crisis';

export type SafetyAssessment =
  | { readonly kind: 'clear' }
  /** `flags` are the ids of the rules that fired, for the trace and the clinician's audit. */
  | { readonly kind: 'escalate'; readonly urgency: Urgency; readonly flags: readonly string[] }
  /** The message might describe a red flag; one question settles it. */
  | { readonly kind: 'clarify'; readonly ruleId: string; readonly question: string };
