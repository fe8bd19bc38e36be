/**
 * A cleaned phrase of the rules file (a concept's entry, a context cue) as the words a message must hold in
 * order: its runs of a-z, 0-9 and `*`, where a run of stars alone lets the next word come up to one (`*`) or
 * three (`**`) words later. Read by a loop over the characters: a split and two expressions per word were
 * most of the ~8,000 phrases' share of start-up.
 */
export interface PhraseStep {
  /** The run as written (a run mixing stars and letters keeps its stars). */
  readonly word: string;
  /** Words that may be skipped before this one. */
  readonly skip: number;
}

const STAR = 42;

/** a-z, 0-9 or `*`: what a cleaned phrase's words are made of. */
function isPhraseChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === STAR;
}

export function phraseSteps(phrase: string): PhraseStep[] {
  const steps: PhraseStep[] = [];
  let skip = 0;
  for (let i = 0; i < phrase.length; ) {
    if (!isPhraseChar(phrase.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let stars = 0;
    for (; end < phrase.length && isPhraseChar(phrase.charCodeAt(end)); end++) if (phrase.charCodeAt(end) === STAR) stars++;
    if (stars === end - i) {
      skip = stars === 1 ? 1 : 3;
    } else {
      steps.push({ word: phrase.slice(i, end), skip });
      skip = 0;
    }
    i = end;
  }
  return steps;
}
