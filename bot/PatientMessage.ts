/** A patient's message as the turn reads it; SciaticaBot builds it from the activity. */
export interface PatientMessage {
  readonly channelId: string;
  readonly conversationId: string;
  /** '' for a message without text. */
  readonly text: string;
  /** What a tapped button carried (the activity's `value`), if anything. */
  readonly value?: unknown;
}
