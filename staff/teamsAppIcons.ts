/**
 * Checks the Teams app icons before packaging: the colour icon is a 192x192 PNG, the outline icon a
 * 32x32 PNG that is white on a transparent background (Teams tints it, so any other colour shows
 * up wrong). Reads the PNG itself with zlib: 8-bit RGBA, the only form our icons are drawn in.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const RGBA = 6;

export interface IconRule {
  readonly name: string;
  readonly size: number;
  readonly whiteOnTransparent: boolean;
}

export const TEAMS_ICONS: readonly IconRule[] = [
  { name: 'color.png', size: 192, whiteOnTransparent: false },
  { name: 'outline.png', size: 32, whiteOnTransparent: true },
];

export function checkIcon(png: Buffer, rule: IconRule): string[] {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('ascii', 12, 16) !== 'IHDR') return [`${rule.name} is not a PNG`];
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== rule.size || height !== rule.size) return [`${rule.name} is ${width}x${height}; Teams needs ${rule.size}x${rule.size}`];
  if (!rule.whiteOnTransparent) return [];
  if (png[24] !== 8 || png[25] !== RGBA) return [`${rule.name} must be an 8-bit RGBA PNG (white on transparent)`];
  const pixels = rgbaPixels(png, width, height);
  let transparent = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] === 0) transparent++;
    else if (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250) return [`${rule.name} must be white only, on a transparent background`];
  }
  return transparent > 0 ? [] : [`${rule.name} needs a transparent background`];
}

/** Joins the IDAT chunks, inflates them and undoes each row's filter (PNG spec, section 9). */
function rgbaPixels(png: Buffer, width: number, height: number): Uint8Array {
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= 4 ? out[y * stride + x - 4] : 0;
      const up = y > 0 ? out[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
