/**
 * A deliberately small suffix stripper for FAQ matching (not a Porter stemmer).
 *
 * It only has to make the forms patients type meet the forms staff wrote: "stretches" / "stretching" /
 * "stretched" → "stretch", "causes" / "caused" / "cause" → "caus", "sitting" → "sit",
 * "decompression" → "decompress". The result is a
 * matching key, never shown to anyone, so it does not need to be a real word; it needs to be the SAME
 * key for both sides, which is why the final "e" is dropped everywhere ("bulge" and "bulging" → "bulg").
 * Short words are left alone: stripping "-s" from "bus" or "-ing" from "thing" only creates collisions.
 */

/** Endings that look plural but are not: stenosis, piriformis, sciatica's cousins, "stiffness". */
const NOT_PLURAL = /(ss|us|is|ys|as|os)$/;
/** A doubled final consonant left by "sitting" / "stopped"; ll, ss and zz are usually part of the word. */
const DOUBLED = /([bdfgkmnprt])\1$/;

export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;

  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !NOT_PLURAL.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ing') && w.length - 3 >= 3) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length - 2 >= 3) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length - 2 >= 4) w = w.slice(0, -2);
  // "-ion" after t/ss only: decompression → decompress, injection → inject, herniation → herniat.
  else if (/(t|ss)ion$/.test(w) && w.length - 3 >= 4) w = w.slice(0, -3);

  if (w.endsWith('e') && !w.endsWith('ee') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return DOUBLED.test(w) ? w.slice(0, -1) : w;
}
