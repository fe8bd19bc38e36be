/**
 * Build step (`npm run build`): compact copies of the shipped learned models, the red-flag net (dense) and
 * the FAQ's second opinion (sparse naive Bayes) (language/ModelFile), so the built bot does not parse their
 * 8 MB of JSON at every start. A copy is named by its file's content: an unchanged build only hashes the
 * files, and a model retrained after the build is read from its JSON until the next.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fromPackageRoot } from '../config/environment';
import { FAQ_CLASSIFIER_FILE } from '../faq/FaqClassifier';
import { COMPACT_MODELS, STAMPS, writeCompactModel } from '../language/ModelFile';
import { CLASSIFIER_FILE } from '../safety/RedFlagRules';

export function writeCompactModels(): void {
  const copies = [fromPackageRoot(`knowledge/${CLASSIFIER_FILE}`), FAQ_CLASSIFIER_FILE].map((file) => {
    const { copy, written } = writeCompactModel(file);
    if (written) console.log(`Compact model written for ${relative(process.cwd(), file)} (${copy})`);
    return basename(copy);
  });
  // Copies of earlier versions are never read again: up to 3 MB each, one per retrain.
  for (const old of readdirSync(COMPACT_MODELS).filter((name) => name !== STAMPS && !copies.includes(name)))
    rmSync(join(COMPACT_MODELS, old));
}

if (require.main === module) writeCompactModels();
