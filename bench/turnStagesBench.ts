/**
 * The bot's own work on an everyday message, stage by stage, in process: the mean time per message
 * over the real labelled set (what the HTTP section's patients ask). Set beside the echo bot's whole
 * turn, it shows how much of the throughput gap each stage is, and what the 0.8× target leaves for them.
 */
import type { IntentRouter } from '../bot/IntentRouter';
import { TextCleanup } from '../language/TextCleanup';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { RedFlagDetector } from '../safety/RedFlagDetector';

/** The stages as the bot runs them, built once from the shipped data (bench/run.ts). */
export interface TurnStages {
  readonly detector: RedFlagDetector;
  readonly router: IntentRouter;
  readonly kb: KnowledgeBase;
}

export interface TurnStageResult {
  readonly stage: string;
  readonly meanUs: number;
  readonly p99Us: number;
}

const ROUNDS = 40;
/** The largest message the web chat accepts: the worst case a patient can send. */
const LARGE_MESSAGE_BYTES = 16 * 1024;

/** Mean and 99th percentile per message, each message timed on its own over ROUNDS rounds. */
function timeEach(stage: string, messages: readonly string[], handle: (text: string) => unknown): TurnStageResult {
  for (const text of messages) handle(text); // JIT warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of messages) {
      const started = performance.now();
      handle(text);
      times.push((performance.now() - started) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  return { stage, meanUs: times.reduce((sum, t) => sum + t, 0) / times.length, p99Us: times[Math.floor(times.length * 0.99)] };
}

/** A 16 KB story in patients' words, every sentence a near miss the context layer must read. */
function largeMessage(messages: readonly string[]): string {
  let text = '';
  for (let i = 0; text.length < LARGE_MESSAGE_BYTES; i++) text += `${messages[i % messages.length]} no numbness down there, my leg is not weak. `;
  return text.slice(0, LARGE_MESSAGE_BYTES);
}

export function runTurnStagesBench({ detector, router, kb }: TurnStages, messages: readonly string[]): TurnStageResult[] {
  const large = [largeMessage(messages)];
  return [
    // The red-flag check includes the shared clean-up; it is timed on its own to show its share.
    timeEach('text clean-up', messages, (text) => TextCleanup.default.clean(text)),
    timeEach('red-flag check', messages, (text) => detector.assess(text)),
    timeEach('intent routing', messages, (text) => router.route(text, false)),
    timeEach('FAQ match', messages, (text) => kb.decide(text)),
    timeEach('red-flag check, one 16 KB message', large, (text) => detector.assess(text)),
  ];
}
