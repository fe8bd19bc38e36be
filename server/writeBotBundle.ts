/**
 * Build step (`npm run build`), after tsc: the bot's own modules bundled by esbuild into dist/server/main.js,
 * over tsc's output of server/main.ts, which dist/index.js loads once Node's compile cache is on (so on
 * Node 22 and 24 the cache covers the bundle too). On Node 20, which has no compile cache, resolving,
 * reading and compiling ~140 small modules one by one cost ~0.08 s of CPU at every start. The libraries
 * stay outside, required from node_modules as before, and tsc's file-per-module output stays beside the
 * bundle for the other build steps and the tests. Inside the bundle:
 *  - a module's `__dirname` is the folder tsc puts it in (dist/language for language/ModelFile.ts), so the
 *    files the build writes beside the modules (compact models, lemma and clean-up tables, validators) are
 *    found where they are;
 *  - `require.main` is undefined, so a build step's "run me" line (`require.main === module`) never runs.
 * esbuild was chosen because it is maintained, fast (~0.2 s for the whole bot) and already what tsx
 * compiles the sources with in the tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../config/environment';

const ENTRY = 'server/main.ts';
export const BOT_BUNDLE = join(PACKAGE_ROOT, 'dist', 'server', 'main.js');

/** Each of our modules' `__dirname`, as the folder of dist/ tsc puts it in, from the bundle's folder. */
const foldersAsBuilt: Plugin = {
  name: 'folders-as-built',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, ({ path }) => {
      if (relative(PACKAGE_ROOT, path).startsWith('node_modules')) return undefined;
      const folder = JSON.stringify(relative(join(PACKAGE_ROOT, dirname(ENTRY)), dirname(path)));
      const source = readFileSync(path, 'utf8');
      return { contents: source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${folder})`), loader: 'ts' };
    });
  },
};

export async function writeBotBundle(): Promise<void> {
  await build({
    entryPoints: [join(PACKAGE_ROOT, ENTRY)],
    outfile: BOT_BUNDLE,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    define: { 'require.main': 'undefined' },
    plugins: [foldersAsBuilt],
    logLevel: 'warning',
  });
}

if (require.main === module) void writeBotBundle();
