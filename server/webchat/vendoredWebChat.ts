/**
 * The Web Chat bundle the chat page loads: one prebuilt file of botframework-webchat, which is a dev
 * dependency. The build copies it, with its version and licence, to web/vendor/ (not in git), and
 * the server reads it from there at start-up like the rest of web/. So a production install
 * (`npm ci --omit=dev`) carries none of the package's own dependencies. To update Web Chat:
 * `npm install -D botframework-webchat@<version>`, then `npm run build` (or `npm run webchat:vendor`).
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const VENDOR_FOLDER = 'vendor';
const BUNDLE = 'webchat.js';
const LICENCE = 'webchat.js.LICENSE.txt';
const ABOUT = 'webchat.json';

export interface VendoredWebChat {
  readonly version: string;
  readonly license: string;
  readonly body: Buffer;
}

/** What the server serves; a clear error when the build step has not run. */
export function readVendoredWebChat(webDir: string): VendoredWebChat {
  const folder = join(webDir, VENDOR_FOLDER);
  let about: { version: string; license: string };
  try {
    about = JSON.parse(readFileSync(join(folder, ABOUT), 'utf8')) as { version: string; license: string };
  } catch {
    throw new Error(`the Web Chat bundle is missing from ${folder}: run "npm run build" (it copies it from botframework-webchat)`);
  }
  return { ...about, body: readFileSync(join(folder, BUNDLE)) };
}

/** The build step: copies the installed package's bundle and licence notices, then its version. */
export function copyWebChatBundle(webDir: string): { version: string } {
  // The package's "exports" hides dist/; its main entry is lib/index.js, next to dist/.
  const packageDir = join(dirname(require.resolve('botframework-webchat')), '..');
  const { version, license } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string; license: string };
  const folder = join(webDir, VENDOR_FOLDER);
  mkdirSync(folder, { recursive: true });
  // Each file is replaced whole (copy, then rename), so a server starting meanwhile never reads half of one.
  const place = (file: string, write: (temp: string) => void) => {
    const temp = join(folder, `.${file}.${process.pid}.tmp`);
    write(temp);
    renameSync(temp, join(folder, file));
  };
  place(BUNDLE, (temp) => copyFileSync(join(packageDir, 'dist', BUNDLE), temp));
  place(LICENCE, (temp) => copyFileSync(join(packageDir, 'dist', LICENCE), temp));
  place(ABOUT, (temp) => writeFileSync(temp, `${JSON.stringify({ package: 'botframework-webchat', version, license }, null, 2)}\n`));
  return { version };
}

// `npm run webchat:vendor` (part of `npm run build`) runs this file.
if (require.main === module) {
  const { version } = copyWebChatBundle('web');
  console.log(`Web Chat ${version} copied to web/${VENDOR_FOLDER}/`);
}
