/**
 * Turns the knowledge base's light markdown into text an SMS shows as written. Typographic dashes and
 * quotes become plain ones: one character outside the GSM alphabet makes a whole SMS cost 2–3x more.
 * Numbered steps become "a)", "b)": plain-text choices are numbered, and "1" must mean one thing.
 */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1: $2')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*([1-9]|1\d|2[0-6])[.)]\s+/gm, (_step, number: string) => `${String.fromCharCode(96 + Number(number))}) `)
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
