/**
 * Dependencies as declared: what the code imports is in `dependencies`, and Web Chat, of which the
 * server only serves the built files, is a dev dependency from whose modules the build bundles them; so a
 * production install (`npm ci --omit=dev`) has none of its runtime packages, and the page still
 * gets a bundle of the installed version, brotli-compressed when the browser accepts it. The bundle
 * holds the Adaptive Cards renderer (hero cards; the browser test clicks their buttons), in a chunk
 * loaded after Web Chat's first render, and no speech SDK.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect } from 'chai';
import { chooseEncoding } from '../../server/webchat/StaticAsset';
import { copyWebChatBundle, readVendoredWebChat, VENDOR_FOLDER } from '../../server/webchat/vendoredWebChat';
import { WEB_DIR } from '../../server/webchat/webChatPages';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { useTestBot } from '../support/testBot';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; version?: string }>;
};
const installedWebChat = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'botframework-webchat', 'package.json'), 'utf8')) as {
  version: string;
};
const prebuilt = join(ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
const vendor = join(WEB_DIR, VENDOR_FOLDER);
// Read once the tests start: mocha's global setup builds the bundle after loading this file.
let shipped: Buffer;
let about: { version: string; hash: string; chunks: Array<{ file: string; preload: boolean }> };
/** The chunks beside the entry, by file name. */
let chunks: Map<string, Buffer>;
let licences: string;
let BUNDLE_PATH: string;
before(() => {
  shipped = readFileSync(join(vendor, 'webchat.js'));
  about = JSON.parse(readFileSync(join(vendor, 'webchat.json'), 'utf8'));
  chunks = new Map(about.chunks.map(({ file }) => [file, readFileSync(join(vendor, file))]));
  licences = readFileSync(join(vendor, 'webchat.js.LICENSE.txt'), 'utf8');
  BUNDLE_PATH = `/assets/webchat-${installedWebChat.version}-${about.hash}.js`;
});
const inAnyFile = (text: string) => [shipped, ...chunks.values()].some((body) => body.includes(text));

/** The response as sent, not decoded (fetch would decode it). */
function rawGet(url: string, acceptEncoding: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('dependencies and the Web Chat bundle', () => {
  it('declares @azure/storage-blob, which the blob usage log and state sweeper import', () => {
    expect(manifest.dependencies).to.have.property('@azure/storage-blob');
    expect(lock.packages['node_modules/@azure/storage-blob'].dev).to.not.equal(true);
  });

  it("can install for production alone: botbuilder-dialogs' install script runs rimraf through npx", () => {
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

  describe('as built', () => {
    it('is built from the installed version, in production mode, and far smaller than its prebuilt dist/webchat.js', () => {
      expect(about.version).to.equal(installedWebChat.version);
      expect(createHash('sha256').update(shipped).digest('hex')).to.match(new RegExp(`^${about.hash}`));
      const bytes = [shipped, ...chunks.values()].reduce((sum, body) => sum + body.length, 0);
      expect(bytes).to.be.below(statSync(prebuilt).size * 0.75);
      // Only React's production build points to its error decoder.
      expect(inAnyFile('Minified React error')).to.equal(true);
    });

    it('holds Web Chat with its Adaptive Cards renderer (hero cards), Markdown and React, and none of the speech SDKs', () => {
      for (const name of ['botframework-webchat', 'botframework-webchat-component', 'adaptivecards', 'markdown-it', 'react-dom']) {
        expect(licences, name).to.match(new RegExp(`^${name}@[\\d.]+ `, 'm'));
      }
      for (const name of ['microsoft-cognitiveservices-speech-sdk', 'botframework-directlinespeech-sdk', 'web-speech-cognitive-services']) {
        expect(licences, name).to.not.contain(`${name}@`);
      }
      // The class name of Web Chat's Adaptive Cards renderer, through which hero cards render.
      expect(inAnyFile('webchat__adaptive-card-renderer')).to.equal(true);
    });

    it('holds the Adaptive Cards renderer in a chunk of its own, which neither the entry nor the chunks it imports load', () => {
      const preloaded = [shipped, ...about.chunks.filter(({ preload }) => preload).map(({ file }) => chunks.get(file)!)];
      const later = about.chunks.filter(({ preload }) => !preload).map(({ file }) => chunks.get(file)!);
      // A class of adaptivecards itself.
      expect(preloaded.some((body) => body.includes('SerializableObject'))).to.equal(false);
      expect(later.some((body) => body.includes('SerializableObject'))).to.equal(true);
      // The entry imports its chunks by their names, which name their content.
      for (const { file } of about.chunks) expect(shipped.includes(`./${file}`), file).to.equal(true);
    });
  });

  describe('served by the bot', () => {
    const bot = useTestBot();

    it('is the built bundle, under a URL naming its version and hash', async () => {
      const page = await (await fetch(`${bot.url}/`)).text();
      const path = /"(\/assets\/webchat-[^"]+\.js)"/.exec(page)?.[1];
      expect(path).to.equal(BUNDLE_PATH);
      const served = await rawGet(`${bot.url}${path}`, 'identity');
      expect(served.encoding).to.equal(undefined);
      expect(served.body.equals(shipped), 'the served bytes are the built bundle').to.equal(true);
    });

    it('is sent brotli-compressed to Chromium, which lists gzip first, and decodes to the same bundle', async () => {
      const served = await rawGet(`${bot.url}${BUNDLE_PATH}`, 'gzip, deflate, br, zstd');
      expect(served.encoding).to.equal('br');
      // About a quarter (25.1% since the build leaves out the most repetitive parts: 49 languages' formatters).
      expect(served.body.length).to.be.below(shipped.length * 0.3);
      expect(brotliDecompressSync(served.body).equals(shipped)).to.equal(true);
    });

    it('is sent gzip-compressed to a browser without brotli, and plain to one that refuses both', async () => {
      const gzipped = await rawGet(`${bot.url}${BUNDLE_PATH}`, 'gzip, deflate');
      expect(gzipped.encoding).to.equal('gzip');
      expect(gunzipSync(gzipped.body).equals(shipped)).to.equal(true);
      expect((await rawGet(`${bot.url}${BUNDLE_PATH}`, 'br;q=0, gzip;q=0')).encoding).to.equal(undefined);
    });

    it('serves its chunks beside it, compressed the same way', async () => {
      for (const [file, body] of chunks) {
        const brotli = await rawGet(`${bot.url}/assets/${file}`, 'gzip, deflate, br, zstd');
        expect(brotli.encoding, file).to.equal('br');
        expect(brotliDecompressSync(brotli.body).equals(body), file).to.equal(true);
        const gzipped = await rawGet(`${bot.url}/assets/${file}`, 'gzip');
        expect(gunzipSync(gzipped.body).equals(body), file).to.equal(true);
      }
    });
  });

  describe('choosing the encoding', () => {
    const both = { br: Buffer.from('b'), gzip: Buffer.from('g') };

    it("prefers brotli whatever the header's order, and never a coding refused with q=0", () => {
      expect(chooseEncoding('gzip, deflate, br, zstd', both)).to.equal('br');
      expect(chooseEncoding('BR;q=0.5, gzip', both)).to.equal('br');
      expect(chooseEncoding('br;q=0, gzip', both)).to.equal('gzip');
      expect(chooseEncoding('deflate', both)).to.equal(undefined);
      expect(chooseEncoding('gzip, br', { gzip: both.gzip })).to.equal('gzip');
    });
  });

  describe('when the build runs again with nothing changed', () => {
    const folder = useTemporaryFolder('vendor-again-');

    it('leaves the copied and compressed files alone', async () => {
      cpSync(join(WEB_DIR, VENDOR_FOLDER), join(folder.path, VENDOR_FOLDER), { recursive: true, preserveTimestamps: true });
      const modified = () =>
        ['webchat.js', ...chunks.keys()]
          .flatMap((file) => [file, `${file}.br`, `${file}.gz`])
          .concat('webchat.json')
          .map((file) => statSync(join(folder.path, VENDOR_FOLDER, file)).mtimeMs);
      const before = modified();
      expect(await copyWebChatBundle(folder.path)).to.deep.equal({ version: installedWebChat.version, copied: false });
      expect(modified()).to.deep.equal(before);
    });
  });

  describe('before the build has copied it', () => {
    const folder = useTemporaryFolder('no-vendor-');

    it('stops start-up with a message saying to run the build', () => {
      expect(() => readVendoredWebChat(folder.path)).to.throw(/npm run build/);
    });
  });
});
