/**
 * `npm run build`, and what `npm start` runs first (prestart): compile to dist/ (`tsc -b`: only what
 * changed), then the build steps that need the compiled code, all in this one process. (`npm start` ran
 * `npm run build` before: a second npm and two more node processes, ~0.5 s of every start.)
 *   - the Web Chat bundle copied to web/vendor/ when the installed one changed (server/webchat/vendoredWebChat.ts);
 *   - the lemma table written when the knowledge files changed (server/writeLemmaTable.ts);
 *   - the clean-up's results for the texts start-up cleans, written when those texts or the clean-up
 *     changed (server/writeCleanupTable.ts);
 *   - the content schemas' validators written as code when a schema changed (server/writeSchemaValidators.ts);
 *   - compact copies of the learned models when a model file changed (server/writeCompactModels.ts).
 */
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

process.chdir(__dirname);

execFileSync(join('node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { stdio: 'inherit' });
require('./dist/server/webchat/vendoredWebChat.js').vendorWebChat();
require('./dist/server/writeLemmaTable.js').writeLemmaTable();
require('./dist/server/writeCleanupTable.js').writeCleanupTable();
require('./dist/server/writeSchemaValidators.js').writeSchemaValidators();
require('./dist/server/writeCompactModels.js').writeCompactModels();
