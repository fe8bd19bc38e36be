/**
 * `npm run build`, and what `npm start` runs first when something changed since the last build
 * (start.cjs): compile to dist/ (`tsc -b`: only what changed), then the build steps that need the
 * compiled code, all in this one process, then the stamp that says when it last finished.
 *   - the Web Chat bundle copied to web/vendor/ when the installed one changed (server/webchat/vendoredWebChat.ts);
 *   - the lemma table written when the knowledge files changed (server/writeLemmaTable.ts);
 *   - the clean-up's results for the texts start-up cleans, written when those texts or the clean-up
 *     changed (server/writeCleanupTable.ts);
 *   - the Hunspell dictionary's words as a plain list when the installed one changed (server/writeDictionaryWords.ts);
 *   - the content schemas' validators written as code when a schema changed (server/writeSchemaValidators.ts);
 *   - compact copies of the learned models when a model file changed (server/writeCompactModels.ts);
 *   - the bot's own modules bundled into dist/server/main.js, which dist/index.js starts (server/writeBotBundle.ts).
 */
const { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Written last by a build that finished: its time is when the build last saw its inputs. */
const STAMP = join('dist', '.built');
/** What the build reads besides the compiled folders: a newer one of these means building again. */
const OTHER_INPUTS = ['knowledge', 'build.cjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', join('node_modules', '.package-lock.json')];
/** What the bot cannot start without. */
const OUTPUTS = [join('dist', 'index.js'), join('web', 'vendor', 'webchat.json')];

/** The newest modification time under `path` (a folder's own time too: it changes when a file is added or deleted). */
function newestIn(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

/**
 * Whether the last build is newer than every file it reads (by modification times: a few milliseconds,
 * where `tsc -b` and the steps' hashes cost ~0.3 s of a start). `npm run build` always checks in full.
 */
function buildIsCurrent(root = __dirname) {
  const built = statSync(join(root, STAMP), { throwIfNoEntry: false });
  if (!built || !OUTPUTS.every((output) => existsSync(join(root, output)))) return false;
  const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
  return [...include, ...OTHER_INPUTS].every((input) => newestIn(join(root, input)) < built.mtimeMs);
}

async function build() {
  process.chdir(__dirname);
  const started = Date.now();
  require('node:child_process').execFileSync(join('node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { stdio: 'inherit' });
  await require('./dist/server/webchat/vendoredWebChat.js').vendorWebChat();
  require('./dist/server/writeLemmaTable.js').writeLemmaTable();
  require('./dist/server/writeCleanupTable.js').writeCleanupTable();
  require('./dist/server/writeDictionaryWords.js').writeDictionaryWordList();
  require('./dist/server/writeSchemaValidators.js').writeSchemaValidators();
  require('./dist/server/writeCompactModels.js').writeCompactModels();
  await require('./dist/server/writeBotBundle.js').writeBotBundle();
  // Stamped with the time the build started: an input saved while it ran still counts as newer.
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started / 1000, started / 1000);
}

module.exports = { buildIsCurrent };

if (require.main === module) {
  build().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
