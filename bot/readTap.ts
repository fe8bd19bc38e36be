/**
 * What a tapped button carries in the activity's `value` (messageBack): an entry id, a command or a
 * yes / no / not sure answer. Anything else is ignored and the message is read as typed text.
 */
import type { Tap, TapAnswer, TapCommand } from '../channels/Reply';

const COMMANDS: ReadonlySet<string> = new Set<TapCommand>(['checkSymptoms', 'noneOfThese']);
const ANSWERS: ReadonlySet<string> = new Set<TapAnswer>(['yes', 'no', 'unsure']);

export function readTap(value: unknown): Tap | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { entryId, command, answer } = value as { entryId?: unknown; command?: unknown; answer?: unknown };
  if (typeof entryId === 'string' && entryId.length <= 100) return { entryId };
  if (typeof command === 'string' && COMMANDS.has(command)) return { command: command as TapCommand };
  if (typeof answer === 'string' && ANSWERS.has(answer)) return { answer: answer as TapAnswer };
  return undefined;
}
