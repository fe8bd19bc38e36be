/**
 * The one declaration of every setting (config/settings.ts): .env.example is written from it, each
 * setting says where it came from at start-up without showing a secret, and relative paths are read
 * from the package root, wherever the bot is started from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { ENV_EXAMPLE_PATH, envExampleText } from '../../config/envExample';
import { PACKAGE_ROOT, readEnvironment } from '../../config/environment';
import { settingSources } from '../../config/settingSources';
import { SETTINGS } from '../../config/settings';
import { configuredMatcher, loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { useTemporaryFolder } from '../support/temporaryFolder';

describe('settings', () => {
  const folder = useTemporaryFolder('settings-');

  it('.env.example is the one written from config/settings.ts (run npm run config:example after a change)', () => {
    expect(readFileSync(ENV_EXAMPLE_PATH, 'utf8')).to.equal(envExampleText());
  });

  it('every default in the declarations is a valid value of its own variable', () => {
    const defaults = Object.fromEntries(
      Object.entries(SETTINGS).flatMap(([name, setting]) => ('default' in setting ? [[name, setting.default]] : [])),
    );
    expect(() => loadConfig(defaults)).to.not.throw();
  });

  it('reads .env from the package root; a value set in the environment wins over it', () => {
    writeFileSync(join(folder.path, '.env'), 'PORT=4000\nPRACTICE_NAME=From The File\nCLINIC_HOURS=\n');
    const environment = readEnvironment({ PORT: '5000', CLINIC_HOURS: 'Mondays' }, folder.path);
    const config = loadConfig(environment.values);
    expect(config.port).to.equal(5000);
    expect(config.practiceName).to.equal('From The File');
    expect(config.clinicHours).to.equal('Mondays');
    expect([...environment.fromDotEnv]).to.deep.equal(['PRACTICE_NAME']);
  });

  it('logs where each setting came from, and never the value of a secret', () => {
    const secret = 'a-client-secret-that-must-never-reach-a-log';
    writeFileSync(join(folder.path, '.env'), 'PRACTICE_NAME=From The File\n');
    const sources = settingSources(
      readEnvironment({ PORT: '5000', MicrosoftAppPassword: secret, WEBCHAT_SIGNING_KEY: secret }, folder.path),
    );
    expect(sources.PORT).to.equal('5000 (environment)');
    expect(sources.PRACTICE_NAME).to.equal('From The File (.env)');
    expect(sources.LOG_LEVEL).to.equal('info (default)');
    expect(sources.HOST).to.equal('(default)');
    expect(sources.MicrosoftAppPassword).to.equal('set (environment)');
    expect(JSON.stringify(sources)).to.not.include(secret);
    expect(Object.keys(sources)).to.deep.equal(Object.keys(SETTINGS));
  });

  it('reads relative content and data paths from the package root, absolute ones as given', () => {
    const config = loadConfig({ FAQ_PATH: 'knowledge/faq.json', STORAGE_PATH: join(folder.path, 'state') });
    expect(config.faqPath).to.equal(join(PACKAGE_ROOT, 'knowledge', 'faq.json'));
    expect(config.redFlagsPath).to.equal(join(PACKAGE_ROOT, 'knowledge', 'red-flags.json'));
    expect(config.storagePath).to.equal(join(folder.path, 'state'));
  });

  it('MAX_TEXT_LENGTH is the one length cap of the matcher the staff tools load, as of the bot', () => {
    const config = loadConfig({ MAX_TEXT_LENGTH: '60' });
    expect(loadKnowledgeBase(config.faqPath, configuredMatcher(config)).options.maxMessageLength).to.equal(60);
  });
});
