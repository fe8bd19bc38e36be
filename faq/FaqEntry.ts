/** One curated answer in `knowledge/faq.json`, as clinic staff write it. */
export interface FaqEntry {
  /** Kebab-case and stable: taps, traces and reports refer to entries by id. */
  readonly id: string;
  /** Button label, at most 20 characters. */
  readonly title?: string;
  /** The ways patients ask it; matched against what they type. */
  readonly questions: readonly string[];
  /** Short markdown; may contain {practitionerName}-style placeholders. */
  readonly answer: string;
  readonly followUps?: readonly string[];
  readonly offerBooking?: boolean;
  /** The article or named public guideline (NHS, NICE, AAOS…) the answer is based on, for clinical review. */
  readonly source?: string;
}

export interface FaqDocument {
  readonly $schema?: string;
  readonly entries: readonly FaqEntry[];
}
