/**
 * Splits text into parts of at most `max` characters, preferring paragraph, then sentence, then word
 * boundaries, so a long answer arrives as whole thoughts rather than cut mid-word.
 */
export function splitMessage(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = lastBreak(window, '\n\n') ?? lastBreak(window, '. ') ?? lastBreak(window, '\n') ?? lastBreak(window, ' ') ?? max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Position just after the last separator in the window, ignoring one too close to the start. */
function lastBreak(window: string, separator: string): number | undefined {
  const at = window.lastIndexOf(separator, window.length - separator.length);
  return at > window.length / 3 ? at + separator.trimEnd().length : undefined;
}
