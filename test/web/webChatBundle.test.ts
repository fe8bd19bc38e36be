/**
 * Dependencies as declared: what the code imports is in `dependencies`, and Web Chat, of which the
 * server only serves one prebuilt file, is a dev dependency whose bundle the build copies; so a
 * production install (`npm ci --omit=dev`) has none of its runtime packages, and the page still
 * gets the very bundle of the installed version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { readVendoredWebChat } from '../../server/webchat/vendoredWebChat';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { useTestBot } from '../support/testBot';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; version?: string }> };
const installedWebChat = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'botframework-webchat', 'package.json'), 'utf8')) as { version: string };

describe('dependencies and the Web Chat bundle', () => {
  it('declares @azure/storage-blob, which the blob usage log and state sweeper import', () => {
    expect(manifest.dependencies).to.have.property('@azure/storage-blob');
    expect(lock.packages['node_modules/@azure/storage-blob'].dev).to.not.equal(true);
  });

  it('can install for production alone: botbuilder-dialogs\' install script runs rimraf through npx', () => {
    expect(manifest.dependencies).to.have.property('rimraf');
  });

  it('keeps botframework-webchat and the packages only it needs out of a production install', () => {
    expect(manifest.dependencies).to.not.have.property('botframework-webchat');
    expect(manifest.devDependencies).to.have.property('botframework-webchat');
    for (const name of ['botframework-webchat', 'botframework-webchat-core', 'react', 'react-dom', 'botframework-directlinejs']) {
      const entry = lock.packages[`node_modules/${name}`];
      if (entry) expect(entry.dev, `${name} in package-lock.json`).to.equal(true);
    }
  });

  describe('served by the bot', () => {
    const bot = useTestBot();

    it('is the installed version\'s own dist/webchat.js, under a URL naming that version', async () => {
      const page = await (await fetch(`${bot.url}/`)).text();
      const path = /src="(\/assets\/webchat-[^"]+\.js)"/.exec(page)?.[1];
      expect(path).to.equal(`/assets/webchat-${installedWebChat.version}.js`);
      const served = Buffer.from(await (await fetch(`${bot.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
      const shipped = readFileSync(join(ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'));
      expect(served.equals(shipped), 'the served bytes are the package\'s bundle').to.equal(true);
    });
  });

  describe('before the build has copied it', () => {
    const folder = useTemporaryFolder('no-vendor-');

    it('stops start-up with a message saying to run the build', () => {
      expect(() => readVendoredWebChat(folder.path)).to.throw(/npm run build/);
    });
  });
});
