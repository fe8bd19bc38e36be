/**
 * Text patients (or anyone) wrote, made safe to print in a staff report: a newline cannot fake the
 * next line of the report, and a right-to-left override (U+202E) or another invisible control
 * cannot make the terminal show something other than what was written. Line breaks and tabs become
 * a space; every other control, bidi or line-separator character is shown as its code (`<U+202E>`),
 * so staff see that it was there.
 */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function reportText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
