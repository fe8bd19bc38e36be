/**
 * The learned models' compact copies (language/ModelFile), which the built bot reads instead of parsing
 * their JSON: every score must be the same to the last bit, and a model retrained after the build must be
 * read from its JSON, never from the copy of the old one.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { PACKAGE_ROOT } from '../../config/environment';
import { FAQ_STOPWORDS } from '../../faq/FaqClassifier';
import { readModelFile, writeCompactModel } from '../../language/ModelFile';
import { NaiveBayesScorer } from '../../language/NaiveBayes';
import { TextCleanup } from '../../language/TextCleanup';
import { type ClassifierModel, RED_FLAG_STOPWORDS } from '../../safety/RedFlagClassifier';
import { developmentMessages } from '../support/developmentMessages';

const MODELS = [
  ['knowledge/red-flag-classifier.json', RED_FLAG_STOPWORDS, 'rows'],
  ['knowledge/faq-classifier.json', FAQ_STOPWORDS, 'seen'],
] as const;

/** The development sets' messages, cleaned as the nets read them. */
function cleanedMessages(): string[] {
  return [...new Set(developmentMessages().map((text) => TextCleanup.default.clean(text)))];
}

describe('learned model files and their compact copies', () => {
  let folder: string;
  beforeEach(() => {
    mkdirSync(join(PACKAGE_ROOT, 'test-output'), { recursive: true });
    folder = mkdtempSync(join(PACKAGE_ROOT, 'test-output', 'models-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('scores every development message the same from the compact copy as from the JSON, to the last bit', () => {
    const messages = cleanedMessages();
    for (const [file, stopwords, numbers] of MODELS) {
      const path = join(PACKAGE_ROOT, file);
      const json = readModelFile(path, folder);
      expect(writeCompactModel(path, folder).written).to.equal(true);
      const compact = readModelFile(path, folder);
      expect(numbers in compact && !('features' in compact), `${file} read from its copy`).to.equal(true);
      // The same settings as the file: everything but the features, which are the rows or lists.
      const settings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      delete settings.features;
      expect({ ...compact, [numbers]: undefined }).to.deep.equal({ ...settings, [numbers]: undefined });
      const [fromJson, fromCopy] = [json, compact].map((model) => new NaiveBayesScorer(model, stopwords));
      const differ = messages.filter((text) => JSON.stringify(fromJson.rank(text)) !== JSON.stringify(fromCopy.rank(text)));
      expect(differ, file).to.deep.equal([]);
    }
  });

  it('reads a model retrained after the build from its JSON, not from the copy of the old one', () => {
    const path = join(folder, 'red-flag-classifier.json');
    copyFileSync(join(PACKAGE_ROOT, 'knowledge', 'red-flag-classifier.json'), path);
    writeCompactModel(path, folder);
    const retrained = JSON.parse(readFileSync(path, 'utf8')) as { riskAt: number };
    writeFileSync(path, JSON.stringify({ ...retrained, riskAt: 0.5 }));
    const model = readModelFile<ClassifierModel>(path, folder);
    expect('features' in model).to.equal(true);
    expect(model.riskAt).to.equal(0.5);
  });
});
