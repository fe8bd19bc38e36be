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
import { basename, dirname, join, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Metafile, Plugin, PluginBuild } from 'esbuild';

export const VENDOR_FOLDER = 'vendor';
const BUNDLE = 'webchat.js';
/** The chunks' names (esbuild's chunkNames, in buildOptions), to delete an older build's. */
const CHUNK_FILE = /^webchat-.+\.js(\.br|\.gz)?$/;
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

/** What Web Chat's Adaptive Cards middleware renders (checked against its source at build time). */
const CARD_TYPES = ['hero', 'adaptive', 'animation', 'audio', 'oauth', 'receipt', 'signin', 'thumbnail', 'video'].map(
  (type) => `application/vnd.microsoft.card.${type}`,
);

/**
 * The Adaptive Cards renderer (adaptivecards, swiper and Web Chat's card components, ~370 KB) is a chunk of
 * its own, loaded once Web Chat has rendered: the first render parses and runs that much less. These stand
 * in for Web Chat's composer and card middleware in the main chunk; a card renders inside the real
 * composer once the chunk is in (a card that arrives first waits for it, and asks for it if not yet asked).
 */
const CARDS_LATER = `
import { createContext, createElement, useContext, useEffect, useMemo, useState } from 'react';

var CARD_TYPES = ${JSON.stringify(CARD_TYPES)};
var chunk;
var loading;
function load() {
  loading = loading || import('adaptive-cards').then(
    function (loaded) { chunk = loaded; return loaded; },
    function (error) { loading = undefined; throw error; }
  );
  return loading;
}
function ignore() {}
var Settings = createContext({});

export function AdaptiveCardsComposer(props) {
  // After Web Chat's first render, when the browser is idle.
  useEffect(function () {
    var idle = window.requestIdleCallback || setTimeout;
    idle(function () { load().catch(ignore); }, { timeout: 1000 });
  }, []);
  var hostConfig = props.adaptiveCardsHostConfig;
  var adaptiveCardsPackage = props.adaptiveCardsPackage;
  var settings = useMemo(function () {
    return { adaptiveCardsHostConfig: hostConfig, adaptiveCardsPackage: adaptiveCardsPackage };
  }, [hostConfig, adaptiveCardsPackage]);
  return createElement(Settings.Provider, { value: settings }, props.children);
}

function Later(props) {
  var settings = useContext(Settings);
  var loaded = useState(chunk);
  useEffect(function () {
    if (!chunk) load().then(loaded[1], ignore);
  }, []);
  var cards = loaded[0] || chunk;
  return cards ? createElement(cards.AdaptiveCardsComposer, settings, props.render(cards)) : null;
}

function isCard(attachment) {
  return CARD_TYPES.indexOf(attachment.contentType) >= 0;
}

export function createAttachmentMiddleware() {
  return function () {
    return function (next) {
      return function () {
        var args = arguments;
        if (!isCard(args[0].attachment)) return next.apply(null, args);
        return createElement(Later, {
          render: function (cards) { return cards.createAttachmentMiddleware()()(next).apply(null, args); },
        });
      };
    };
  };
}

export function createScreenReaderMiddleware() {
  return function () {
    return function (next) {
      return function () {
        var args = arguments;
        if (!(args[0].attachment.content && isCard(args[0].attachment))) return next.apply(null, args);
        return function () {
          return createElement(Later, {
            render: function (cards) { return createElement(cards.createScreenReaderMiddleware()()(next).apply(null, args)); },
          });
        };
      };
    };
  };
}
`;

/** The chunk: Web Chat's own composer and middleware, with adaptivecards behind them. */
const CARDS_CHUNK = `
export { default as AdaptiveCardsComposer } from './src/adaptiveCards/AdaptiveCardsComposer';
export { default as createAttachmentMiddleware } from './src/adaptiveCards/createAdaptiveCardsAttachmentMiddleware';
export { default as createScreenReaderMiddleware } from './src/adaptiveCards/createAdaptiveCardsAttachmentForScreenReaderMiddleware';
`;

/** Which stand-in takes the place of each module that AddFullBundle and useComposerProps import. */
const STAND_INS: Readonly<Record<string, string>> = {
  './adaptiveCards/AdaptiveCardsComposer': 'AdaptiveCardsComposer',
  './adaptiveCards/createAdaptiveCardsAttachmentMiddleware': 'createAttachmentMiddleware',
  './adaptiveCards/createAdaptiveCardsAttachmentForScreenReaderMiddleware': 'createScreenReaderMiddleware',
};

interface About {
  readonly version: string;
  readonly license: string;
  /** What the bundle was built from (installed packages, recipe, esbuild): built again when it changes. */
  readonly source?: string;
  /** A hash of the bundle's bytes, in its URL, which is cached for a year. */
  readonly hash?: string;
  readonly chunks?: readonly VendoredChunk[];
}

/** A file beside the entry, named by esbuild after its content (the entry imports it by that name). */
export interface VendoredChunk {
  readonly file: string;
  /** Imported by the entry, so the page preloads it; else loaded later (the Adaptive Cards renderer). */
  readonly preload: boolean;
}

export interface VendoredWebChat {
  readonly version: string;
  readonly license: string;
  /** The bundle's URL's name: the Web Chat version and the bundle's hash. */
  readonly build: string;
  readonly chunks: readonly VendoredChunk[];
  /** The entry's bytes, or a chunk's, read when called: ~2.4 MB in all with their compressed copies. */
  read(chunk?: string): VendoredBytes;
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
  const chunks = (about.chunks ?? []).map(({ file, preload }) => ({ file, preload }));
  return {
    version: about.version,
    license: about.license,
    build: `${about.version}-${about.hash}`,
    chunks,
    read: (chunk) => {
      if (chunk !== undefined && !chunks.some(({ file }) => file === chunk)) throw new Error(`no Web Chat chunk ${chunk}`);
      const file = join(folder, chunk ?? BUNDLE);
      return { body: readFileSync(file), brotli: readIfPresent(`${file}.br`), gzip: readIfPresent(`${file}.gz`) };
    },
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
const TRIM_REVISION = 6;

/**
 * What decides the bundle's bytes: this recipe, esbuild's version and the installed versions of the
 * packages in it (package-lock.json's record of node_modules changes with any of them).
 */
function sourceFingerprint(packageDir: string): string {
  const hash = createHash('sha256');
  hash.update(ENTRY);
  hash.update(CARDS_LATER);
  hash.update(CARDS_CHUNK);
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
 * sanitizer allows no style attribute, so it is never called; and mime, for the hidden upload button.
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
      cardsLater(bundler, webChatPackageDir());
      // mime (~38 KB, its type tables built at start) only names the files sent with the upload button,
      // which the page hides (pageConfig): such a file would go as application/octet-stream.
      bundler.onResolve({ filter: /^mime$/ }, ({ importer }) =>
        /[\\/]botframework-webchat-core[\\/]/.test(importer) ? { path: 'mime', namespace: 'no-uploads' } : undefined,
      );
      bundler.onLoad({ filter: /.*/, namespace: 'no-uploads' }, () => ({
        contents: 'module.exports = { getType: function () { return null; } };',
        loader: 'js',
      }));
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
 * The Adaptive Cards renderer in a chunk of its own: CARDS_LATER's stand-ins replace what AddFullBundle and
 * useComposerProps import of it, and its dynamic import is CARDS_CHUNK. A package that no longer looks as
 * expected fails the build.
 */
function cardsLater(bundler: PluginBuild, packageDir: string): void {
  const importers = /[\\/]botframework-webchat[\\/]src[\\/](AddFullBundle\.tsx|useComposerProps\.ts)$/;
  const replaced = new Set<string>();
  bundler.onResolve({ filter: /^\.\/adaptiveCards\/\w+$/ }, ({ path, importer }) => {
    if (!importers.test(importer) || !STAND_INS[path]) return undefined;
    replaced.add(path);
    return { path: STAND_INS[path], namespace: 'cards-later' };
  });
  bundler.onResolve({ filter: /^cards-later$/, namespace: 'cards-later' }, () => ({ path: 'main', namespace: 'cards-later' }));
  bundler.onResolve({ filter: /^adaptive-cards$/, namespace: 'cards-later' }, () => ({ path: 'adaptive-cards', namespace: 'cards-chunk' }));
  bundler.onLoad({ filter: /.*/, namespace: 'cards-later' }, ({ path }) =>
    path === 'main'
      ? { contents: CARDS_LATER, loader: 'js', resolveDir: packageDir }
      : { contents: `export { ${path} as default } from 'cards-later';`, loader: 'js' },
  );
  bundler.onLoad({ filter: /.*/, namespace: 'cards-chunk' }, () => ({ contents: CARDS_CHUNK, loader: 'js', resolveDir: packageDir }));
  // The stand-ins pass on exactly the content types Web Chat's middleware renders.
  bundler.onLoad({ filter: /[\\/]adaptiveCards[\\/]createAdaptiveCardsAttachment(ForScreenReader)?Middleware\.tsx$/ }, ({ path }) => {
    const types = new Set(readFileSync(path, 'utf8').match(/application\/vnd\.microsoft\.card\.\w+/g));
    if (types.size !== CARD_TYPES.length || !CARD_TYPES.every((type) => types.has(type)))
      throw new Error(`${path} renders other card types than ${CARD_TYPES.join(', ')}: update the Web Chat build`);
    return undefined;
  });
  bundler.onEnd(() => {
    if (replaced.size !== Object.keys(STAND_INS).length)
      throw new Error(
        'botframework-webchat no longer imports its Adaptive Cards composer and middleware as expected: update the Web Chat build',
      );
  });
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

function buildOptions(packageDir: string, version: string, outdir: string) {
  return {
    stdin: { contents: ENTRY, resolveDir: packageDir, sourcefile: 'webchat-entry.js', loader: 'js' as const },
    bundle: true,
    minify: true,
    // ES modules, for the Adaptive Cards chunk loaded later (CARDS_LATER); chunks are named by their content.
    format: 'esm' as const,
    splitting: true,
    entryNames: 'webchat',
    chunkNames: `webchat-${version}-[name]-[hash]`,
    platform: 'browser' as const,
    // What the page supports anyway (it is plain ES2017 scripts): no down-levelling of Web Chat's modern syntax.
    target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
    define: {
      'process.env.NODE_ENV': '"production"',
      // Web Chat's Adaptive Cards renderer reads this one too.
      'process.env.node_env': '"production"',
      // What the API package's src/ reads for its build information (its dist/ had them written in).
      'process.env.build_tool': '"esbuild"',
      'process.env.module_format': '"esmodules"',
      'process.env.npm_package_version': JSON.stringify(version),
      'process.env.WEBCHAT_VERSION': JSON.stringify(version),
      global: 'globalThis',
    },
    // Parts of Web Chat's src/ are JSX in .js files.
    loader: { '.js': 'jsx' as const },
    legalComments: 'none' as const,
    metafile: true,
    write: true,
    outdir,
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

/** esbuild's output: the entry, then the chunks, each with whether the page loads it with the entry. */
interface BuiltFile {
  readonly file: string;
  readonly body: Buffer;
  readonly preload: boolean;
}

/**
 * The files esbuild wrote, by what loads them: the entry and the chunks it imports (the page preloads them
 * all), then the chunks only the Adaptive Cards renderer's dynamic import needs. Checks that the renderer
 * is in the second group only. Returns them with the files whose code is in the bundle.
 */
function builtFiles(metafile: Metafile, outdir: string): { files: BuiltFile[]; inputs: string[] } {
  const outputs = Object.entries(metafile.outputs);
  const entry = outputs.find(([path]) => basename(path) === BUNDLE)?.[0];
  if (!entry) throw new Error('esbuild wrote no Web Chat bundle');
  const preloaded = new Set([entry]);
  for (const path of preloaded)
    for (const { path: imported, kind } of metafile.outputs[path].imports) if (kind === 'import-statement') preloaded.add(imported);
  const renderer = (path: string) => Object.keys(metafile.outputs[path].inputs).some((input) => /[\\/]adaptivecards[\\/]/.test(input));
  if ([...preloaded].some(renderer) || !outputs.some(([path]) => renderer(path)))
    throw new Error('the Adaptive Cards renderer is not in a chunk of its own: update the Web Chat build');
  const files = outputs
    .map(([path]) => ({
      file: path === entry ? BUNDLE : basename(path),
      body: readFileSync(join(outdir, basename(path))),
      preload: preloaded.has(path),
    }))
    .sort((a, b) => Number(b.file === BUNDLE) - Number(a.file === BUNDLE) || Number(b.preload) - Number(a.preload));
  // The files whose code is in the bundle (not those only disabled by a package's "browser" field).
  const inputs = outputs.flatMap(([, output]) =>
    Object.entries(output.inputs)
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && !input.includes(':'))
      .map(([input]) => join(process.cwd(), input)),
  );
  return { files, inputs: [...new Set(inputs)] };
}

/**
 * The build step: bundles Web Chat from the installed packages, compresses each file, writes the licences,
 * then its version last (so an interrupted build is redone), then deletes the chunks of an older build.
 * `copied: false` when the folder already held a bundle built from the same packages by the same recipe.
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
  const outdir = join(folder, `.build.${process.pid}`);
  let built: ReturnType<typeof builtFiles>;
  try {
    const result = await esbuild.build({
      ...buildOptions(packageDir, version, outdir),
      absWorkingDir: process.cwd(),
      plugins: [trimmed()],
    });
    if (!result.metafile) throw new Error('esbuild wrote no Web Chat bundle');
    built = builtFiles(result.metafile, outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  for (const { file, body } of built.files) {
    place(file, (temp) => writeFileSync(temp, body));
    place(`${file}.br`, (temp) =>
      writeFileSync(
        temp,
        brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      ),
    );
    place(`${file}.gz`, (temp) => writeFileSync(temp, gzipSync(body, { level: 9 })));
  }
  place(LICENCE, (temp) => writeFileSync(temp, licences(built.inputs)));
  const [entry, ...others] = built.files;
  const hash = createHash('sha256').update(entry.body).digest('hex').slice(0, 12);
  const chunks = others.map(({ file, body, preload }) => ({ file, preload, bytes: body.length }));
  place(ABOUT, (temp) =>
    writeFileSync(
      temp,
      `${JSON.stringify({ package: 'botframework-webchat', version, license, source, hash, bytes: entry.body.length, chunks }, null, 2)}\n`,
    ),
  );
  const kept = new Set(chunks.flatMap(({ file }) => [file, `${file}.br`, `${file}.gz`]));
  for (const file of readdirSync(folder)) if (CHUNK_FILE.test(file) && !kept.has(file)) rmSync(join(folder, file), { force: true });
  return { version, copied: true };
}

function isCurrent(folder: string, version: string, source: string): boolean {
  const about = readAbout(folder);
  if (about?.version !== version || about.source !== source || !about.hash || !about.chunks) return false;
  const files = [BUNDLE, ...about.chunks.map(({ file }) => file)].flatMap((file) => [file, `${file}.br`, `${file}.gz`]);
  try {
    return [...files, LICENCE].every((file) => statSync(join(folder, file)).isFile());
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
