/**
 * WCAG 2.1 contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) for the brand colours, so a
 * practice that configures a pale brand colour still gets readable buttons and bubbles.
 */
export const WHITE = '#ffffff';
export const NEAR_BLACK = '#1b1b1b';
/** AA for normal text. */
export const AA_TEXT = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black text, whichever reads better on the background. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, WHITE) >= contrastRatio(background, NEAR_BLACK) ? WHITE : NEAR_BLACK;
}

/** The colour to use for text and borders on a white page: the first candidate that passes AA. */
export function readableOnWhite(...candidates: string[]): string {
  return candidates.find((color) => contrastRatio(color, WHITE) >= AA_TEXT) ?? NEAR_BLACK;
}
