/**
 * Build step (`npm run build`): the clean-up's results for every text start-up cleans (the rules'
 * phrases, the FAQ's questions, the word lists; recorded by server/startUpReplay.ts), written beside
 * the clean-up (dist/language/cleanups.json, see language/PreparedCleanups.ts). Written again when the
 * clean-up changed (its code, shorthand list or look-alike table) or the knowledge files did: an
 * unchanged `npm start` pays a hash of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fromPackageRoot } from '../config/environment';
import { cleanupVersion, PREPARED_CLEANUPS_FILE, type PreparedCleanupsFile, readPreparedCleanupsFile } from '../language/PreparedCleanups';
import { FAQ, RULES, replayStartUp } from './startUpReplay';

/** The knowledge files whose texts start-up cleans. */
const SOURCES = [FAQ, RULES, 'knowledge/stopwords.json', 'knowledge/synonyms.json', 'knowledge/out-of-domain.json'];

export function writeCleanupTable(): void {
  const cleanup = cleanupVersion();
  const sources = createHash('sha256')
    .update(
      [
        ...SOURCES.map((file) => readFileSync(fromPackageRoot(file), 'utf8')),
        readFileSync(__filename, 'utf8'),
        readFileSync(require.resolve('./startUpReplay'), 'utf8'),
      ].join('\0'),
    )
    .digest('hex');
  const current = readPreparedCleanupsFile();
  if (current?.cleanup === cleanup && current.sources === sources) return;
  // A fresh clean-up, not the default one: that one may answer from the table being replaced.
  const { TextCleanup } = require('../language/TextCleanup') as typeof import('../language/TextCleanup');
  const shorthand = JSON.parse(readFileSync(require.resolve('../knowledge/shorthand.json'), 'utf8'));
  const fresh = new TextCleanup(shorthand);
  const texts = [...replayStartUp().cleanedTexts].sort();
  const cleaned = texts.map((text) => {
    const result = fresh.clean(text);
    return result === text ? null : result;
  });
  const table: PreparedCleanupsFile = { cleanup, sources, texts, cleaned };
  writeFileSync(PREPARED_CLEANUPS_FILE, JSON.stringify(table));
  console.log(`Clean-up table written: ${texts.length} texts (${PREPARED_CLEANUPS_FILE})`);
}

if (require.main === module) writeCleanupTable();
