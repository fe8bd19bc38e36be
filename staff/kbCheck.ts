/**
 * `npm run kb:check [faq.json]` — checks the FAQ (default: FAQ_PATH) and the red-flag rules
 * (RED_FLAGS_PATH) and says in plain words what to fix, with line numbers. Exits 1 when there are
 * errors (CI blocks the deploy), 0 when there are only warnings.
 */
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../bot/ConversationWording';
import { loadConfig } from '../config/BotConfig';
import { practicePlaceholders } from '../config/practicePlaceholders';
import { readFaqText } from '../faq/loadKnowledgeBase';
import { type CheckFinding, countFindings, formatFinding } from './checks/CheckFinding';
import { checkRedFlagRules } from './checks/checkRedFlagRules';
import { checkKnowledgeBaseText } from './checks/KnowledgeBaseCheck';
import { commandLine } from './commandLine';

function main(args: readonly string[]): number {
  const { positionals } = commandLine(args, 'npm run kb:check [faq.json]   (default: FAQ_PATH, knowledge/faq.json)', {});
  const config = loadConfig();
  const faqPath = positionals[0] ?? config.faqPath;

  let text: string | undefined;
  try {
    text = readFaqText(faqPath);
  } catch (err) {
    console.log(`${faqPath}\n  ERROR    ${(err as Error).message}`);
  }
  const faq =
    text === undefined
      ? undefined
      : checkKnowledgeBaseText(text, faqPath, practicePlaceholders(config), loadConversationWording(CONVERSATION_WORDING_PATH).moreHint);
  if (faq) report(`${faqPath}${faq.knowledgeBase ? ` (${faq.knowledgeBase.entries.length} entries)` : ''}`, faq.findings);
  const rules = checkRedFlagRules(config.redFlagsPath);
  report(config.redFlagsPath, rules);

  const { errors, warnings } = countFindings([...(faq?.findings ?? []), ...rules]);
  const unreadable = faq === undefined ? 1 : 0;
  console.log(`\n${plural(errors + unreadable, 'error')}, ${plural(warnings, 'warning')}.`);
  if (faq && !faq.knowledgeBase) {
    console.log('The bot refuses this file: a running bot keeps answering with the last good version until it is fixed.');
    console.log('The check stops at the first problem of this kind: fix it and run the check again.');
  } else if (countFindings(faq?.findings ?? []).errors > 0) {
    console.log('The bot would load this file, but patients would meet these errors: fix them before it goes live.');
  }
  if (countFindings(rules).errors > 0) console.log('The bot does not start with these red-flag rules (they are read at start-up only).');
  if (errors + unreadable > 0) return 1;
  console.log(warnings > 0 ? 'The bot accepts this file. Warnings are worth a look but do not stop it.' : 'The bot accepts this file.');
  return 0;
}

/** Errors first, then warnings, each in file order. */
function report(title: string, findings: readonly CheckFinding[]): void {
  console.log(`\n${title}`);
  if (findings.length === 0) console.log('  OK');
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
  for (const finding of ordered) console.log(`  ${formatFinding(finding)}`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

process.exitCode = main(process.argv.slice(2));
