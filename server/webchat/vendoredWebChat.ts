/**
 * The Web Chat bundle the chat page loads: one prebuilt file of botframework-webchat, which is a dev
 * dependency. The build copies it, with its version and licence, to web/vendor/ (not in git), with a
 * brotli and a gzip copy made once there (brotli at its best level takes many seconds, so never on a
 * request or at start-up), and the server reads them from there when first served (its version at start-up).
 * So a production install (`npm ci --omit=dev`) carries none of the package's own dependencies.
 * A copy that is already the installed package's is left alone, so `npm start` pays nothing for it.
 * To update Web Chat: `npm install -D botframework-webchat@<version>`, then `npm run build`.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const VENDOR_FOLDER = 'vendor';
const BUNDLE = 'webchat.js';
const BROTLI = `${BUNDLE}.br`;
const GZIP = `${BUNDLE}.gz`;
const LICENCE = 'webchat.js.LICENSE.txt';
const ABOUT = 'webchat.json';

interface About {
  readonly version: string;
  readonly license: string;
  /** The bundle's size, so a changed file under the same version is copied again. */
  readonly bytes?: number;
}

export interface VendoredWebChat {
  readonly version: string;
  readonly license: string;
  /** The bundle's bytes, read when called: ~5.5 MB with its compressed copies, ~0.02 s of CPU with their hash. */
  read(): VendoredBytes;
}

export interface VendoredBytes {
  readonly body: Buffer;
  /** The same bytes compressed at build time, for browsers that accept them. */
  readonly brotli?: Buffer;
  readonly gzip?: Buffer;
}

function readAbout(folder: string): About | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, ABOUT), 'utf8')) as About;
  } catch {
    return undefined;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** What the server serves; a clear error when the build step has not run. */
export function readVendoredWebChat(webDir: string): VendoredWebChat {
  const folder = join(webDir, VENDOR_FOLDER);
  const about = readAbout(folder);
  if (!about)
    throw new Error(`the Web Chat bundle is missing from ${folder}: run "npm run build" (it copies it from botframework-webchat)`);
  return {
    version: about.version,
    license: about.license,
    read: () => ({
      body: readFileSync(join(folder, BUNDLE)),
      brotli: readIfPresent(join(folder, BROTLI)),
      gzip: readIfPresent(join(folder, GZIP)),
    }),
  };
}

/**
 * The build step: copies the installed package's bundle and licence notices, compresses the bundle,
 * then writes its version last (so an interrupted copy is redone). `copied: false` when the folder
 * already held this version's files.
 */
export function copyWebChatBundle(webDir: string): { version: string; copied: boolean } {
  // The package's "exports" hides dist/; its main entry is lib/index.js, next to dist/.
  const packageDir = join(dirname(require.resolve('botframework-webchat')), '..');
  const { version, license } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as About;
  const source = join(packageDir, 'dist', BUNDLE);
  const bytes = statSync(source).size;
  const folder = join(webDir, VENDOR_FOLDER);
  if (isCurrent(folder, version, bytes)) return { version, copied: false };
  mkdirSync(folder, { recursive: true });
  // Each file is replaced whole (write, then rename), so a server starting meanwhile never reads half of one.
  const place = (file: string, write: (temp: string) => void) => {
    const temp = join(folder, `.${file}.${process.pid}.tmp`);
    write(temp);
    renameSync(temp, join(folder, file));
  };
  const body = readFileSync(source);
  place(BUNDLE, (temp) => writeFileSync(temp, body));
  place(BROTLI, (temp) =>
    writeFileSync(
      temp,
      brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
    ),
  );
  place(GZIP, (temp) => writeFileSync(temp, gzipSync(body, { level: 9 })));
  place(LICENCE, (temp) => copyFileSync(join(packageDir, 'dist', LICENCE), temp));
  place(ABOUT, (temp) => writeFileSync(temp, `${JSON.stringify({ package: 'botframework-webchat', version, license, bytes }, null, 2)}\n`));
  return { version, copied: true };
}

function isCurrent(folder: string, version: string, bytes: number): boolean {
  const about = readAbout(folder);
  if (about?.version !== version || about.bytes !== bytes) return false;
  try {
    return [BUNDLE, BROTLI, GZIP, LICENCE].every((file) => statSync(join(folder, file)).isFile());
  } catch {
    return false;
  }
}

/** The build step (build.cjs; `npm run webchat:vendor` runs this file from source): copies when needed, says which. */
export function vendorWebChat(): void {
  const { version, copied } = copyWebChatBundle('web');
  console.log(
    copied
      ? `Web Chat ${version} copied and compressed to web/${VENDOR_FOLDER}/`
      : `Web Chat ${version} in web/${VENDOR_FOLDER}/ is up to date`,
  );
}

if (require.main === module) vendorWebChat();
