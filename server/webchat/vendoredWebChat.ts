/**
 * The Web Chat bundle the chat page loads, built by us from botframework-webchat's modules (a dev
 * dependency): Web Chat's React component with the Adaptive Cards attachments (hero cards: the call and
 * booking buttons; the screening's cards), its Markdown renderer, `createStore` and `createDirectLine`
 * (Azure Direct Line), and nothing of the speech SDKs or the rest of the package's prebuilt 3.9 MB
 * `dist/webchat.js`, which took most of the time to Web Chat's welcome in parsing and running it.
 * esbuild bundles it at `npm run build` (production, minified, React in production mode) to web/vendor/
 * (not in git), with a brotli and a gzip copy made once there (brotli at its best level takes seconds, so
 * never on a request or at start-up) and the licences of every package inside; the server reads them from
 * there when first served (its version at start-up). So a production install (`npm ci --omit=dev`)
 * carries none of the package's dependencies, nor esbuild. A bundle already built from the installed
 * packages by this recipe is left alone, so `npm start` pays nothing for it.
 * To update Web Chat: `npm install -D botframework-webchat@<version>`, then `npm run build`.
 *
 * React: pinned to 18.3.1 (dev dependencies `react`, `react-dom`), the newest React that Web Chat
 * 4.18.1's own dependencies support (react-redux 7: "^16.8.3 || ^17 || ^18"); npm would otherwise
 * install React 19. `renderWebChat` is Web Chat's own (`ReactDOM.render`), as in its prebuilt bundle.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, PluginBuild } from 'esbuild';

export const VENDOR_FOLDER = 'vendor';
const BUNDLE = 'webchat.js';
const BROTLI = `${BUNDLE}.br`;
const GZIP = `${BUNDLE}.gz`;
const LICENCE = 'webchat.js.LICENSE.txt';
const ABOUT = 'webchat.json';

/**
 * What the page uses of `window.WebChat` (web/assets/chat.js): `createStore`, `renderWebChat` and, with
 * Azure Direct Line, `createDirectLine`. Relative paths are inside botframework-webchat (its `src/`, which
 * the package ships; its "exports" hides them from bare imports).
 */
const ENTRY = `
import { createStore } from 'botframework-webchat-core';
import ReactWebChat from './src/FullReactWebChat';
import createDirectLineWithAgent from './src/createDirectLine';
import coreRenderWebChat from './src/renderWebChat';

var version = process.env.WEBCHAT_VERSION;

window.WebChat = Object.assign({}, window.WebChat, {
  version: version,
  createStore: createStore,
  createDirectLine: function (options) {
    return createDirectLineWithAgent(Object.assign({}, options, { botAgent: 'WebChat/' + version + ' (Full)' }));
  },
  renderWebChat: coreRenderWebChat.bind(null, ReactWebChat),
});
`;

interface About {
  readonly version: string;
  readonly license: string;
  /** What the bundle was built from (installed packages, recipe, esbuild): built again when it changes. */
  readonly source?: string;
  /** A hash of the bundle's bytes, in its URL, which is cached for a year. */
  readonly hash?: string;
}

export interface VendoredWebChat {
  readonly version: string;
  readonly license: string;
  /** The bundle's URL's name: the Web Chat version and the bundle's hash. */
  readonly build: string;
  /** The bundle's bytes, read when called: ~2.4 MB with its compressed copies. */
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
  if (!about?.hash)
    throw new Error(`the Web Chat bundle is missing from ${folder}: run "npm run build" (it builds it from botframework-webchat)`);
  return {
    version: about.version,
    license: about.license,
    build: `${about.version}-${about.hash}`,
    read: () => ({
      body: readFileSync(join(folder, BUNDLE)),
      brotli: readIfPresent(join(folder, BROTLI)),
      gzip: readIfPresent(join(folder, GZIP)),
    }),
  };
}

/** The installed botframework-webchat (its "exports" hides dist/ and src/; its main entry is lib/index.js). */
function webChatPackageDir(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..');
}

function packageJson(dir: string): { name: string; version: string; license?: string } {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/**
 * The trimming's revision (see trimmed): raise it when the plugin changes what it leaves out. Its code is
 * not hashed, since the build runs it compiled by tsc and the tests by tsx, whose texts differ: each would
 * take the other's bundle for stale and build it again.
 */
const TRIM_REVISION = 5;

/**
 * What decides the bundle's bytes: this recipe, esbuild's version and the installed versions of the
 * packages in it (package-lock.json's record of node_modules changes with any of them).
 */
function sourceFingerprint(packageDir: string): string {
  const hash = createHash('sha256');
  hash.update(ENTRY);
  hash.update(`trim ${TRIM_REVISION}`);
  hash.update(JSON.stringify(buildOptions(packageDir, '', '')));
  hash.update(packageJson(join(dirname(require.resolve('esbuild')), '..')).version);
  // npm's record of what node_modules holds (node_modules/.package-lock.json).
  const lock = readIfPresent(join(packageDir, '..', '.package-lock.json'));
  if (lock) hash.update(lock);
  hash.update(packageJson(packageDir).version);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Less to parse and run, for what this page does not use: Web Chat's strings and formatters in US
 * English only (the page sets locale en-US). The API package is bundled from its src/ (all its entry points, so there is
 * one copy of it), with the other languages' string tables left out (~450 KB). DirectLineJS's
 * streaming variant (DirectLineStreaming, with botframework-streaming and a Buffer polyfill: ~200 KB)
 * is left out too: createDirectLine makes a plain DirectLine, and Web Chat's module evaluation, not the
 * download, is what the page waits for. So is sanitize-html's CSS parser (postcss): Web Chat's Markdown
 * sanitizer allows no style attribute, so it is never called.
 * A package that no longer looks as expected fails the build, rather than building a different bundle.
 */
function trimmed(): Plugin {
  const api = join(dirname(require.resolve('botframework-webchat-api', { paths: [webChatPackageDir()] })), '..');
  const apiEntries: Record<string, string> = { '': 'index.ts', '/internal': 'internal.ts', '/decorator': join('decorator', 'index.ts') };
  return {
    name: 'webchat-trimmed',
    setup(bundler) {
      bundler.onResolve({ filter: /^botframework-webchat-api(\/internal|\/decorator)?$/ }, ({ path }) => ({
        path: join(api, 'src', apiEntries[path.slice('botframework-webchat-api'.length)]),
      }));
      // DirectLineJS's main module re-exports the streaming variant, loading it with itself.
      let streamingLeftOut = false;
      bundler.onResolve({ filter: /^\.\/directLineStreaming$/ }, ({ importer }) => {
        if (!importer.endsWith(join('botframework-directlinejs', 'lib', 'directLine.js'))) return undefined;
        streamingLeftOut = true;
        return { path: 'directLineStreaming', namespace: 'left-out' };
      });
      bundler.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      bundler.onEnd(() => {
        if (!streamingLeftOut)
          throw new Error('botframework-directlinejs no longer loads its streaming variant as expected: update the Web Chat build');
      });
      modernOnly(bundler);
      // sanitize-html parses style attributes with postcss (~60 KB), but Web Chat's Markdown allows none.
      bundler.onResolve({ filter: /^postcss$/ }, ({ importer }) =>
        importer.endsWith(join('sanitize-html', 'index.js')) ? { path: 'postcss', namespace: 'no-styles' } : undefined,
      );
      bundler.onLoad({ filter: /.*/, namespace: 'no-styles' }, () => ({
        contents: 'exports.parse = function () { throw new Error("Web Chat\'s Markdown allows no style attribute"); };',
        loader: 'js',
      }));
      bundler.onLoad({ filter: /[\\/]external[\\/]PrecompiledGlobalize\.js$/ }, ({ path }) => ({
        contents: englishFormatters(
          readFileSync(path, 'utf8'),
          require.resolve('globalize/dist/globalize-runtime', { paths: [dirname(path)] }),
        ),
        loader: 'js',
      }));
      bundler.onLoad({ filter: /getAllLocalizedStrings\.ts$/ }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const others = /^import (\w+) from '\.\/(?!en-US\.json)[\w-]+\.json';$/gm;
        if (!/^import enUS from '\.\/en-US\.json';$/m.test(source) || !others.test(source))
          throw new Error(`${path} no longer imports its string tables as expected: update the Web Chat build`);
        return {
          contents: source.replace(others, (line, name) => (name === 'bundledOverrides' ? line : `const ${name} = undefined;`)),
          loader: 'ts',
        };
      });
    },
  };
}

/**
 * Web Chat's number, date and unit formatters, precompiled by Globalize for its 49 languages and all
 * built when the module starts (~200 KB): only English's are kept (the page is en-US, for which Web Chat
 * uses Globalize's "en"). Kept: every formatter that names "en", and each formatter those look up, by
 * Globalize's own key for the lookup (the part formatters and plural rules name no language).
 */
function englishFormatters(source: string, globalizeRuntime: string): string {
  const { _runtimeKey: runtimeKey } = require(globalizeRuntime) as { _runtimeKey(name: string, locale: string, args: unknown[]): string };
  const footer = source.lastIndexOf('\nexport default Globalize;');
  const [header, ...formatters] = source.slice(0, footer).split(/\n(?=Globalize\.\w+ = )/);
  const byKey = new Map(formatters.map((formatter) => [/^Globalize\.(\w+) =/.exec(formatter)?.[1], formatter]));
  const kept = new Set([...byKey].filter(([, formatter]) => formatter.includes('Globalize("en")')).map(([key]) => key));
  // A Set visits what is added while it is iterated: the lookups of the lookups too.
  for (const key of kept) {
    for (const [, method, options] of byKey.get(key)?.matchAll(/Globalize\("en"\)\.(\w+)\((\{[^()]*\})\)/g) ?? []) {
      const looked = runtimeKey(method, 'en', [JSON.parse(options.replace(/([{,]\s*)(\w+):/g, '$1"$2":'))]);
      if (!byKey.has(looked))
        throw new Error(`Web Chat's precompiled Globalize has no ${method} for "en" as expected: update the Web Chat build`);
      kept.add(looked);
    }
  }
  if (footer < 0 || kept.size < 10)
    throw new Error("Web Chat's precompiled Globalize no longer looks as expected: update the Web Chat build");
  return (
    [header, ...formatters.filter((formatter) => kept.has(/^Globalize\.(\w+) =/.exec(formatter)?.[1]))].join('\n') + source.slice(footer)
  );
}

/**
 * core-js's polyfills and ponyfills (~150 KB, ~0.07 s of module start-up), which some of Web Chat's
 * dependencies were compiled to import for browsers older than the page supports: Babel's helpers come
 * from @babel/runtime instead of its core-js flavour, a ponyfill (`core-js-stable/object/keys`,
 * `core-js-stable/instance/for-each`) is the browser's own function, and a global polyfill
 * (`core-js/modules/es.string.replace.js`) is nothing.
 */
function modernOnly(bundler: PluginBuild): void {
  const helpers = /^@babel\/runtime-corejs3\/helpers\//;
  bundler.onResolve({ filter: helpers }, ({ path, resolveDir, kind }) =>
    bundler.resolve(path.replace(helpers, '@babel/runtime/helpers/'), { resolveDir, kind }),
  );
  bundler.onResolve({ filter: /^@babel\/runtime-corejs3\/core-js-stable\// }, ({ path }) => ({
    path: builtIn(path.slice('@babel/runtime-corejs3/core-js-stable/'.length)),
    namespace: 'built-in',
  }));
  bundler.onLoad({ filter: /.*/, namespace: 'built-in' }, ({ path }) => ({ contents: `module.exports = ${path};`, loader: 'js' }));
  bundler.onResolve({ filter: /^core-js\/(modules|features)\// }, () => ({ path: 'polyfill', namespace: 'left-out' }));
  bundler.onEnd(({ metafile }) => {
    const left = Object.keys(metafile?.inputs ?? {}).find((input) => /[\\/]core-js(-pure)?[\\/]/.test(input));
    if (left) throw new Error(`core-js is imported in a way the Web Chat build does not replace (${left}): update it`);
  });
}

const camelCase = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/**
 * The browser's own function for a core-js-stable ponyfill's name: `instance/for-each` → a function
 * returning the value's own `forEach` (how Babel's output calls it), `object/keys` → `Object.keys`,
 * `set-timeout` → `setTimeout`, `promise` → `Promise`. Checked against Node's globals, which have them all.
 */
function builtIn(name: string): string {
  const [first, second] = name.replace(/(\/index)?\.js$/, '').split('/');
  if (first === 'instance' && second) return `function (it) { return it.${camelCase(second)}; }`;
  const global = camelCase(first) in globalThis ? camelCase(first) : camelCase(first).replace(/^\w/, (letter) => letter.toUpperCase());
  const expression = second ? `${global}.${camelCase(second)}` : global;
  const value = expression.split('.').reduce<unknown>((scope, key) => (scope as Record<string, unknown> | undefined)?.[key], globalThis);
  if (typeof value !== 'function')
    throw new Error(`no built-in function for core-js's "${name}" (${expression}): update the Web Chat build`);
  return expression;
}

function buildOptions(packageDir: string, version: string, outfile: string) {
  return {
    stdin: { contents: ENTRY, resolveDir: packageDir, sourcefile: 'webchat-entry.js', loader: 'js' as const },
    bundle: true,
    minify: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    // What the page supports anyway (it is plain ES2017 scripts): no down-levelling of Web Chat's modern syntax.
    target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
    define: {
      'process.env.NODE_ENV': '"production"',
      // Web Chat's Adaptive Cards renderer reads this one too.
      'process.env.node_env': '"production"',
      // What the API package's src/ reads for its build information (its dist/ had them written in).
      'process.env.build_tool': '"esbuild"',
      'process.env.module_format': '"iife"',
      'process.env.npm_package_version': JSON.stringify(version),
      'process.env.WEBCHAT_VERSION': JSON.stringify(version),
      global: 'globalThis',
    },
    // Parts of Web Chat's src/ are JSX in .js files.
    loader: { '.js': 'jsx' as const },
    legalComments: 'none' as const,
    metafile: true,
    write: true,
    outfile,
    logLevel: 'error' as const,
  };
}

/** The licence files of every package whose code is in the bundle (MIT and the like ask for them to be carried). */
function licences(inputs: string[]): string {
  const packages = new Set<string>();
  for (const input of inputs) {
    const at = input.lastIndexOf(`node_modules${sep}`);
    if (at < 0) continue;
    const [scope, name] = input.slice(at + 'node_modules/'.length).split(sep);
    const dir = join(input.slice(0, at), 'node_modules', scope, scope.startsWith('@') ? name : '');
    packages.add(dir);
  }
  const sections = [...packages]
    .map((dir) => {
      const { name, version, license } = packageJson(dir);
      const file = readdirSync(dir).find((entry) => /^(licen[sc]e|copying)/i.test(entry));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${license ?? 'see the package'}`;
      return { name, text: `${name}@${version} (${license ?? 'unknown'})\n\n${text}` };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  return `${sections
    .filter(({ text }) => !seen.has(text) && seen.add(text))
    .map(({ text }) => text)
    .join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}

/**
 * The build step: bundles Web Chat from the installed packages, compresses it, writes the licences,
 * then its version last (so an interrupted build is redone). `copied: false` when the folder already
 * held a bundle built from the same packages by the same recipe.
 */
export async function copyWebChatBundle(webDir: string): Promise<{ version: string; copied: boolean }> {
  const packageDir = webChatPackageDir();
  const { version, license = 'MIT' } = packageJson(packageDir);
  const source = sourceFingerprint(packageDir);
  const folder = join(webDir, VENDOR_FOLDER);
  if (isCurrent(folder, version, source)) return { version, copied: false };
  mkdirSync(folder, { recursive: true });
  // Each file is replaced whole (write, then rename), so a server starting meanwhile never reads half of one.
  const place = (file: string, write: (temp: string) => void) => {
    const temp = join(folder, `.${file}.${process.pid}.tmp`);
    write(temp);
    renameSync(temp, join(folder, file));
  };
  // esbuild is a dev dependency: required here only, never by the server.
  const esbuild = require('esbuild') as typeof import('esbuild');
  const built = join(folder, `.${BUNDLE}.${process.pid}.build.js`);
  let body: Buffer;
  let inputs: string[];
  try {
    const result = await esbuild.build({ ...buildOptions(packageDir, version, built), absWorkingDir: process.cwd(), plugins: [trimmed()] });
    // The files whose code is in the bundle (not those only disabled by a package's "browser" field).
    const [output] = Object.values(result.metafile?.outputs ?? {});
    if (!output) throw new Error('esbuild wrote no Web Chat bundle');
    inputs = Object.entries(output.inputs)
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && !input.includes(':'))
      .map(([input]) => join(process.cwd(), input));
    body = readFileSync(built);
  } finally {
    rmSync(built, { force: true });
  }
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
  place(LICENCE, (temp) => writeFileSync(temp, licences(inputs)));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  place(ABOUT, (temp) =>
    writeFileSync(
      temp,
      `${JSON.stringify({ package: 'botframework-webchat', version, license, source, hash, bytes: body.length }, null, 2)}\n`,
    ),
  );
  return { version, copied: true };
}

function isCurrent(folder: string, version: string, source: string): boolean {
  const about = readAbout(folder);
  if (about?.version !== version || about.source !== source || !about.hash) return false;
  try {
    return [BUNDLE, BROTLI, GZIP, LICENCE].every((file) => statSync(join(folder, file)).isFile());
  } catch {
    return false;
  }
}

/** The build step (build.cjs; `npm run webchat:vendor` runs this file from source): builds when needed, says which. */
export async function vendorWebChat(): Promise<void> {
  const { version, copied } = await copyWebChatBundle('web');
  console.log(
    copied
      ? `Web Chat ${version} bundled and compressed to web/${VENDOR_FOLDER}/`
      : `Web Chat ${version} in web/${VENDOR_FOLDER}/ is up to date`,
  );
}

if (require.main === module)
  vendorWebChat().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
