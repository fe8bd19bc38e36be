/**
 * `npm start`: the build (build.cjs, in its own process) only when a file it reads is newer than its
 * last run, then the bot in this process. An unchanged checkout starts with one node process after npm's,
 * not three (npm's prestart, the build's, the bot's) and no compiler run: ~0.3 s of CPU less.
 */
const { buildIsCurrent } = require('./build.cjs');

if (!buildIsCurrent()) {
  try {
    require('node:child_process').execFileSync(process.execPath, [require('node:path').join(__dirname, 'build.cjs')], { stdio: 'inherit' });
  } catch {
    process.exit(1); // the build has said why
  }
}
require('./dist/index.js');
