/**
 * Build step (`npm run build`): a compact copy of the shipped dense learned model, the red-flag net
 * (language/ModelFile), so the built bot does not parse its 3 MB of JSON at every start (the FAQ's sparse
 * model is a sixth of that and is read as it is). A copy is named by its file's content: an unchanged build
 * only hashes the file, and a model retrained after the build is read from its JSON until the next.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fromPackageRoot } from '../config/environment';
import { COMPACT_MODELS, writeCompactModel } from '../language/ModelFile';
import { CLASSIFIER_FILE } from '../safety/RedFlagRules';

export function writeCompactModels(): void {
  const file = fromPackageRoot(`knowledge/${CLASSIFIER_FILE}`);
  const { copy, written } = writeCompactModel(file);
  if (written) console.log(`Compact model written for ${relative(process.cwd(), file)} (${copy})`);
  // Copies of earlier versions are never read again: 3 MB each, one per retrain.
  for (const old of readdirSync(COMPACT_MODELS).filter((name) => name !== basename(copy))) rmSync(join(COMPACT_MODELS, old));
}

if (require.main === module) writeCompactModels();
