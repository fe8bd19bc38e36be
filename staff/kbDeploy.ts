/**
 * `npm run kb:deploy -- [--from knowledge/faq.json] [--to FAQ_PATH] [--force]` — the deploy step that
 * puts the reviewed faq.json live. Checks it first (errors stop the deploy), then refuses to
 * overwrite a live file that staff edited on the server since the last deploy, unless --force (which
 * keeps a copy of what it replaced). Exit codes: 0 published or unchanged, 1 check failed, 2 refused.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config/BotConfig';
import { KnowledgeBaseError } from '../faq/KnowledgeBaseError';
import { commandLine } from './commandLine';
import { publishFaq, recordPath } from './publishFaq';

function main(args: readonly string[]): number {
  const { values } = commandLine(args, 'npm run kb:deploy -- [--from knowledge/faq.json] [--to FAQ_PATH] [--force]', {
    from: { type: 'string', default: 'knowledge/faq.json' },
    to: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  const { from } = values;
  const to = values.to ?? loadConfig().faqPath;
  if (resolve(from) === resolve(to)) {
    console.error(
      `kb:deploy: the live file (FAQ_PATH or --to) is ${to} itself. Point FAQ_PATH at the live copy, e.g. /home/data/faq.json.`,
    );
    return 1;
  }
  let result: ReturnType<typeof publishFaq>;
  try {
    result = publishFaq({ from, to, force: values.force });
  } catch (err) {
    if (!(err instanceof KnowledgeBaseError)) throw err;
    console.error(`kb:deploy: not deployed, the bot would refuse this file: ${err.message}`);
    return 1;
  }
  switch (result.status) {
    case 'unchanged':
      console.log(`${to} already has this content (sha256 ${result.sha256.slice(0, 12)}); nothing to do.`);
      return 0;
    case 'published':
      console.log(`Deployed ${from} → ${to} (sha256 ${result.sha256.slice(0, 12)}, recorded in ${recordPath(to)}).`);
      if (result.backup) console.log(`The live file it replaced was kept as ${result.backup}.`);
      console.log('The running bot picks it up within 2 seconds; its log says "FAQ reloaded".');
      return 0;
    case 'refused':
      console.error(`NOT DEPLOYED: ${result.reason}.`);
      for (const difference of result.differences) console.error(`  ${difference}`);
      console.error('Copy the live file into the repository (a pull request) so its edits are kept, then deploy again;');
      console.error('or, if those edits should be thrown away, run again with --force (a copy of the live file is kept).');
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
