/**
 * Where things are in a JSON file, by line, so the checker can tell clinic staff "line 88" instead of
 * "/entries/7/followUps". JSON.parse keeps no positions, so this walks the (already valid) text once.
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, offset));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/**
 * Where JSON.parse gave up: V8 says "at position 123" (Node 20) or "(line 5 column 3)" (newer Node).
 * Undefined when the message names neither, e.g. "Unexpected end of JSON input" on an empty file.
 */
export function jsonErrorPosition(text: string, message: string): TextPosition | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /position (\d+)/.exec(message);
  if (offset) return positionAt(text, Number(offset[1]));
  if (/end of JSON input/i.test(message)) return positionAt(text, text.length);
  return undefined;
}

/**
 * The line on which every value starts, keyed by JSON pointer ("/entries/3/answer" → 41).
 * For an object member the line is that of its key, which is where a person looks for it.
 * Expects text that JSON.parse accepts; on anything else the map is simply incomplete.
 */
export function jsonValueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) {
      if (text[at] === '\n') line++;
      at++;
    }
  };
  const readString = (): string => {
    const start = at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (pointer: string, keyLine: number): void => {
    skipSpace();
    lines.set(pointer, keyLine || line);
    const open = text[at];
    if (open === '{' || open === '[') {
      at++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text[at] === '}' || text[at] === ']' || at >= text.length) break;
        if (open === '{') {
          const memberLine = line;
          const key = readString();
          skipSpace();
          at++; // the colon
          value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, memberLine);
        } else {
          value(`${pointer}/${index}`, 0);
        }
        skipSpace();
        if (text[at] === ',') at++;
      }
      at++;
    } else if (open === '"') {
      readString();
    } else {
      while (at < text.length && /[^\s,\]}]/.test(text[at])) at++;
    }
  };
  value('', 0);
  return lines;
}
