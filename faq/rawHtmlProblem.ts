/**
 * An HTML tag or comment. Web Chat renders answers as markdown with HTML switched off, Teams and SMS
 * show it as text: raw HTML reaches patients as code, or, wherever a renderer allows it, as markup
 * nobody reviewed. Markdown autolinks (<https://…>, <name@example.com>) and "< 3 days" are not tags.
 */
const RAW_HTML = /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>|<!--|<!doctype/i;

/** The loader's refusal of an answer with raw HTML in it, in plain words, or undefined. */
export function rawHtmlProblem(answer: string): string | undefined {
  const found = RAW_HTML.exec(answer)?.[0];
  return found === undefined
    ? undefined
    : `answer contains HTML (${found.slice(0, 40)}): write plain text or markdown ([words](https://…), **bold**) instead`;
}
