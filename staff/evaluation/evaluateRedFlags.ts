/**
 * How the red-flag check does on a labelled set, in the families issue 11 sets targets for: recall per urgency
 * (an urgent line escalated as an emergency counts), benign lines escalated, disguised and Spanish lines labelled
 * right, and missed emergency or crisis lines with no risk concept (the only ones a booking offer could follow).
 */
import type { RedFlagDetector } from '../../safety/RedFlagDetector';
import { carriesRisk, type SafetyAssessment } from '../../safety/SafetyAssessment';

export interface LabelledSafetyLine {
  readonly text: string;
  /** "emergency" | "urgent" | "crisis" | "none" */
  readonly expected: string;
  /** "emergency" | "urgent" | "crisis" | "benign" | "disguised" | "spanish"; sets without families leave it out. */
  readonly family?: string;
  readonly topic?: string;
}

export interface Share {
  readonly hit: number;
  readonly of: number;
}

export interface SafetyMiss {
  readonly line: LabelledSafetyLine;
  readonly got: string;
}

export interface SafetyEvaluation {
  readonly emergency: Share;
  readonly urgent: Share;
  readonly crisis: Share;
  /** Benign lines escalated (a clarifying question is not an escalation). */
  readonly benignEscalated: Share;
  readonly disguised: Share;
  /** Spanish lines whose outcome is right; a benign one may get a clarifying question. */
  readonly spanish: Share;
  /** Missed emergency or crisis lines that carry no risk concept. */
  readonly pitchPossible: number;
  readonly misses: readonly SafetyMiss[];
}

/** "emergency" | "urgent" | "crisis" | "clarify" | "none", as the corpora label them. */
export function outcomeOf(assessment: SafetyAssessment): string {
  return assessment.kind === 'escalate' ? assessment.urgency : assessment.kind === 'clarify' ? 'clarify' : 'none';
}

/** Whether a line labelled emergency, urgent or crisis got its advice (an urgent line escalated as an emergency did). */
export function isCaught(expected: string, got: string): boolean {
  return got === expected || (expected === 'urgent' && got === 'emergency');
}

function isRight(expected: string, got: string): boolean {
  return expected === 'none' ? got === 'none' || got === 'clarify' : isCaught(expected, got);
}

interface Tally {
  hit: number;
  of: number;
}

function count(tally: Tally, right: boolean): void {
  tally.of++;
  if (right) tally.hit++;
}

export function evaluateRedFlags(detector: RedFlagDetector, lines: readonly LabelledSafetyLine[]): SafetyEvaluation {
  const result = {
    emergency: { hit: 0, of: 0 },
    urgent: { hit: 0, of: 0 },
    crisis: { hit: 0, of: 0 },
    benignEscalated: { hit: 0, of: 0 },
    disguised: { hit: 0, of: 0 },
    spanish: { hit: 0, of: 0 },
    pitchPossible: 0,
    misses: [] as SafetyMiss[],
  };
  for (const line of lines) {
    const assessment = detector.assess(line.text);
    const got = outcomeOf(assessment);
    const right = isRight(line.expected, got);
    if (line.expected === 'none') count(result.benignEscalated, assessment.kind === 'escalate');
    else if (line.expected === 'emergency' || line.expected === 'urgent' || line.expected === 'crisis') {
      count(result[line.expected], right);
      if (!right && line.expected !== 'urgent' && !carriesRisk(assessment)) result.pitchPossible++;
    }
    if (line.family === 'disguised' || line.family === 'spanish') count(result[line.family], right);
    if (!right || (line.expected === 'none' && got !== 'none')) result.misses.push({ line, got });
  }
  return result;
}
