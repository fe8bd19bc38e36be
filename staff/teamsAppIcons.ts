/**
 * Checks the Teams app icons before packaging: the colour icon is a 192x192 PNG, the outline icon a
 * 32x32 PNG that is white on a transparent background (Teams tints it, so any other colour shows
 * up wrong). pngjs decodes any PNG form (palette, grey, 16-bit) to 8-bit RGBA pixels.
 */
import { PNG } from 'pngjs';

export interface IconRule {
  readonly name: string;
  readonly size: number;
  readonly whiteOnTransparent: boolean;
}

export const TEAMS_ICONS: readonly IconRule[] = [
  { name: 'color.png', size: 192, whiteOnTransparent: false },
  { name: 'outline.png', size: 32, whiteOnTransparent: true },
];

export function checkIcon(file: Buffer, rule: IconRule): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(file);
  } catch {
    return [`${rule.name} is not a PNG`];
  }
  const { width, height, data } = png;
  if (width !== rule.size || height !== rule.size) return [`${rule.name} is ${width}x${height}; Teams needs ${rule.size}x${rule.size}`];
  if (!rule.whiteOnTransparent) return [];
  let transparent = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) transparent++;
    else if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)
      return [`${rule.name} must be white only, on a transparent background`];
  }
  return transparent > 0 ? [] : [`${rule.name} needs a transparent background`];
}
