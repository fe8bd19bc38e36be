/**
 * Where things are in a JSON file, by line, so the checker can tell clinic staff "line 88" instead of
 * "/entries/7/followUps". JSON.parse keeps no positions, so jsonc-parser walks the (already valid) text
 * once; for invalid text, it finds the first mistake and where it is.
 */
import { type JSONPath, type ParseError, ParseErrorCode, parse, printParseErrorCode, visit } from 'jsonc-parser';

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

/** Where a JSON file breaks the rules, and what to do about it in plain words. */
export interface JsonSyntaxProblem extends TextPosition {
  /** E.g. `there is a comma after the last item: remove it`. */
  readonly advice: string;
}

const ADVICE: Readonly<Partial<Record<ParseErrorCode, string>>> = {
  [ParseErrorCode.CommaExpected]: 'a comma is missing before this spot: items in a list, and fields in an entry, are separated by ","',
  [ParseErrorCode.ColonExpected]: 'a ":" is missing between a field name and its value, as in "answer": "…"',
  [ParseErrorCode.PropertyNameExpected]: 'a field name in double quotes is expected here, as in "answer":',
  [ParseErrorCode.ValueExpected]: 'a value is expected here: text in double quotes, a number, true or false, a list [ ] or an entry { }',
  [ParseErrorCode.CloseBraceExpected]: 'a "}" is missing: every "{" needs its "}"',
  [ParseErrorCode.CloseBracketExpected]: 'a "]" is missing: every "[" needs its "]"',
  [ParseErrorCode.EndOfFileExpected]: 'there is more after the last "}": remove it, or join it into the one { "entries": [...] } object',
  [ParseErrorCode.InvalidCommentToken]: 'comments (// or /* */) are not allowed in this file: remove it',
  [ParseErrorCode.UnexpectedEndOfComment]: 'comments (// or /* */) are not allowed in this file: remove it',
  [ParseErrorCode.UnexpectedEndOfString]:
    'this text is never closed: it needs a straight double quote (") at its end, on the same line (write a line break inside text as \\n)',
  [ParseErrorCode.InvalidEscapeCharacter]: 'a backslash in text starts a code such as \\n or \\": write a backslash itself as \\\\',
  [ParseErrorCode.InvalidCharacter]: 'text cannot contain a tab or line break as typed: write \\t or \\n instead',
  [ParseErrorCode.InvalidNumberFormat]: 'this number is not written the JSON way (digits, one "." for decimals): put text in double quotes',
  [ParseErrorCode.UnexpectedEndOfNumber]:
    'this number is not written the JSON way (digits, one "." for decimals): put text in double quotes',
  [ParseErrorCode.InvalidUnicode]: 'a \\u code in text must have four hex digits, e.g. \\u00e9',
};

/**
 * The first thing that makes `text` invalid JSON, with its line, column and advice for the common
 * mistakes (a comma after the last item, a missing comma, curly or single quotes, comments, an
 * unclosed text); undefined when the text is valid. Positions come from jsonc-parser, not from V8's
 * message text, which changes between Node versions.
 */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  if (text.trim() === '') return { ...positionAt(text, 0), advice: 'the file is empty: it should be one { "entries": [...] } object' };
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return undefined;
  const trailingComma = /,\s*$/.exec(text.slice(0, first.offset));
  if (trailingComma && /^[}\]]/.test(text.slice(first.offset))) {
    return {
      ...positionAt(text, trailingComma.index),
      advice: `there is a comma after the last item before this "${text[first.offset]}": remove the comma`,
    };
  }
  const character = text[first.offset] ?? '';
  if (first.error === ParseErrorCode.InvalidSymbol) {
    const advice = /[\u2018\u2019\u201C\u201D']/.test(character)
      ? `${character} is not a JSON quote: use straight double quotes (") around names and text (editors and word processors sometimes turn them curly)`
      : `"${character}" is not allowed here: names and text need straight double quotes (") around them`;
    return { ...positionAt(text, first.offset), advice };
  }
  return {
    ...positionAt(text, first.offset),
    advice: ADVICE[first.error] ?? `this is not valid JSON (${printParseErrorCode(first.error)})`,
  };
}

/**
 * JSON.parse (a leading byte-order mark ignored), or, when it refuses the text, the first mistake in
 * words. JSON.parse decides what is valid; jsonc-parser only explains.
 */
export function parseJsonText(text: string): { readonly value: unknown } | { readonly problem: JsonSyntaxProblem } {
  const unmarked = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(unmarked) as unknown };
  } catch (err) {
    return { problem: jsonSyntaxProblem(unmarked) ?? { line: 1, column: 1, advice: (err as Error).message } };
  }
}

/**
 * The line on which every value starts, keyed by JSON pointer ("/entries/3/answer" → 41).
 * For an object member the line is that of its key, which is where a person looks for it.
 * Expects text that JSON.parse accepts; on anything else the map is simply incomplete.
 */
export function jsonValueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const pointer = (path: JSONPath) => path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  // A member's value keeps its key's line, set just before the value is visited.
  const value = (_offset: number, _length: number, startLine: number, _character: number, path: () => JSONPath) => {
    const key = pointer(path());
    if (!lines.has(key)) lines.set(key, startLine + 1);
  };
  visit(text, {
    onObjectProperty: (property, _offset, _length, startLine, _character, path) => lines.set(pointer([...path(), property]), startLine + 1),
    onObjectBegin: value,
    onArrayBegin: value,
    onLiteralValue: (_value, ...rest) => value(...rest),
  });
  return lines;
}
