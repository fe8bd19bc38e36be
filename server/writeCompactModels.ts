/**
 * Build step (`npm run build`): compact copies of the shipped learned models (language/ModelFile), so the
 * built bot does not parse 7 MB of JSON at every start. A copy is named by its file's content: an unchanged
 * build only hashes the two files, and a model retrained after the build is read from its JSON until the next.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fromPackageRoot } from '../config/environment';
import { FAQ_CLASSIFIER_FILE } from '../faq/FaqClassifier';
import { COMPACT_MODELS, writeCompactModel } from '../language/ModelFile';
import { CLASSIFIER_FILE } from '../safety/RedFlagRules';

export function writeCompactModels(): void {
  const current = new Set<string>();
  for (const file of [FAQ_CLASSIFIER_FILE, fromPackageRoot(`knowledge/${CLASSIFIER_FILE}`)]) {
    const { copy, written } = writeCompactModel(file);
    current.add(basename(copy));
    if (written) console.log(`Compact model written for ${relative(process.cwd(), file)} (${copy})`);
  }
  // Copies of earlier versions are never read again: 7 MB each, one per retrain.
  for (const old of readdirSync(COMPACT_MODELS).filter((name) => !current.has(name))) rmSync(join(COMPACT_MODELS, old));
}

if (require.main === module) writeCompactModels();
