import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped FAQ with "what is sciatica" twice as long, longer than the 3 SMS parts sent at once; its path. */
export function faqWithLongAnswer(directory: string): string {
  const faq = JSON.parse(readFileSync('knowledge/faq.json', 'utf8')) as { entries: { id: string; answer: string }[] };
  const [entry, more] = ['what-is-sciatica', 'causes'].map((id) => faq.entries.find((candidate) => candidate.id === id)!);
  entry.answer = `${entry.answer}\n\n${more.answer}`;
  const path = join(directory, 'faq.json');
  writeFileSync(path, JSON.stringify(faq));
  return path;
}
