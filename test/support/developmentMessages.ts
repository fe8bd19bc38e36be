/** Every distinct message text of the development sets in test/data (held-out sets are never read). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = join(__dirname, '..', 'data');

export function developmentMessages(): string[] {
  const texts = new Set<string>();
  for (const file of readdirSync(DATA).filter((name) => name.endsWith('.jsonl') && !name.includes('heldout'))) {
    for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const { text } = JSON.parse(line) as { text?: unknown };
      if (typeof text === 'string') texts.add(text);
    }
  }
  return [...texts];
}
