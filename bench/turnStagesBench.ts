/**
 * The bot's own work on an everyday message, stage by stage, in process: the mean time per message
 * over the real labelled set (what the HTTP section's patients ask). Set beside the echo bot's whole
 * turn, it shows how much of the throughput gap each stage is, and what the 0.8× target leaves for them.
 */
import type { IntentRouter } from '../bot/IntentRouter';
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
}

const ROUNDS = 40;

function meanUs(messages: readonly string[], handle: (text: string) => unknown): number {
  for (const text of messages) handle(text); // JIT warm-up
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const text of messages) handle(text);
  return ((performance.now() - started) * 1000) / (ROUNDS * messages.length);
}

export function runTurnStagesBench({ detector, router, kb }: TurnStages, messages: readonly string[]): TurnStageResult[] {
  return [
    { stage: 'red-flag check', meanUs: meanUs(messages, (text) => detector.assess(text)) },
    { stage: 'intent routing', meanUs: meanUs(messages, (text) => router.route(text, false)) },
    { stage: 'FAQ match', meanUs: meanUs(messages, (text) => kb.decide(text)) },
  ];
}
