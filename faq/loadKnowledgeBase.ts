/**
 * Reads faq.json and refuses it — with a KnowledgeBaseError a clinic staff member can act on — unless it
 * is valid JSON, matches faq.schema.json (the same rules their editor shows as they type), has unique
 * ids, follow-ups that point at real entries, and no blank answers or raw HTML. A refused file never half-loads.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { BotConfig } from '../config/BotConfig';
import { compileContentSchema } from '../config/compileContentSchema';
import schema from '../knowledge/faq.schema.json';
import type { FaqDocument } from './FaqEntry';
import { DEFAULT_FAQ_MATCHER_OPTIONS, type FaqMatcherOptions } from './FaqMatcherOptions';
import { parseJsonText } from './jsonLocations';
import { KnowledgeBase } from './KnowledgeBase';
import { KnowledgeBaseError } from './KnowledgeBaseError';
import { EXPECTED_TYPE, KnowledgeBaseMessages as M } from './KnowledgeBaseMessages';
import { rawHtmlProblem } from './rawHtmlProblem';

/** Compiled once, in strict mode: a keyword the schema misspells is an error, not silently ignored. */
const validate = compileContentSchema<FaqDocument>(schema, true);

/** The matcher as configured: MAX_TEXT_LENGTH is its one length cap, for the bot and the staff tools alike. */
export function configuredMatcher(config: Pick<BotConfig, 'maxTextLength'>): FaqMatcherOptions {
  return { ...DEFAULT_FAQ_MATCHER_OPTIONS, maxMessageLength: config.maxTextLength };
}

export function loadKnowledgeBase(path: string, options: FaqMatcherOptions = DEFAULT_FAQ_MATCHER_OPTIONS): KnowledgeBase {
  return parseKnowledgeBase(readFaqText(path), path, options);
}

/** The file's text, or a KnowledgeBaseError that says it cannot be read and why (ENOENT, EACCES, ...). */
export function readFaqText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new KnowledgeBaseError(M.unreadable(path, (err as NodeJS.ErrnoException).code ?? String(err)), path);
  }
}

export function parseKnowledgeBase(
  jsonText: string,
  sourceName: string,
  options: FaqMatcherOptions = DEFAULT_FAQ_MATCHER_OPTIONS,
): KnowledgeBase {
  const parsed = parseJsonText(jsonText);
  if ('problem' in parsed) throw new KnowledgeBaseError(M.notJson(sourceName, parsed.problem), sourceName);
  const doc = parsed.value;
  if (!validate(doc)) throw schemaError(sourceName, doc, validate.errors?.[0]);
  const { entries } = doc;

  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new KnowledgeBaseError(M.duplicateId(sourceName, entry.id), sourceName, entry.id, 'id');
    ids.add(entry.id);
    // The schema already refuses blank answers; this keeps the rule even if someone loosens the schema.
    if (entry.answer.trim() === '') {
      throw new KnowledgeBaseError(M.emptyAnswer(sourceName, `entry "${entry.id}"`), sourceName, entry.id, 'answer');
    }
    const html = rawHtmlProblem(entry.answer);
    if (html !== undefined) throw new KnowledgeBaseError(`${sourceName}: entry "${entry.id}": ${html}`, sourceName, entry.id, 'answer');
  }
  for (const entry of entries) {
    const missing = entry.followUps?.find((target) => !ids.has(target));
    if (missing !== undefined) {
      throw new KnowledgeBaseError(M.unknownFollowUp(sourceName, entry.id, missing), sourceName, entry.id, 'followUps');
    }
  }
  return new KnowledgeBase(entries, options);
}

/** Turns ajv's first error ("/entries/3/questions/1 must match pattern") into a sentence for staff. */
function schemaError(source: string, doc: unknown, error: ErrorObject | undefined): KnowledgeBaseError {
  const path = (error?.instancePath ?? '').split('/').slice(1);
  const keyword = error?.keyword ?? '';
  const params = (error?.params ?? {}) as Record<string, unknown>;
  if (path.length === 0) {
    if (keyword === 'additionalProperties') {
      return new KnowledgeBaseError(M.unknownTopLevelField(source, String(params.additionalProperty)), source);
    }
    return new KnowledgeBaseError(keyword === 'required' ? M.noEntries(source) : M.notAnObject(source), source);
  }
  if (path.length === 1) return new KnowledgeBaseError(M.noEntries(source), source, undefined, 'entries');

  const index = Number(path[1]);
  const raw = (doc as { entries: { id?: unknown }[] }).entries[index];
  const entryId = typeof raw?.id === 'string' && raw.id.trim() !== '' ? raw.id : `entry ${index + 1}`;
  const entry = entryId.startsWith('entry ') ? entryId : `entry "${entryId}"`;
  const field = path[2] as string | undefined;
  const position = Number(path[3]) + 1;
  const fail = (message: string, at = field) => new KnowledgeBaseError(message, source, entryId, at);

  if (field === undefined) {
    if (keyword === 'required') return fail(M.missingField(source, entry, String(params.missingProperty)), String(params.missingProperty));
    if (keyword === 'additionalProperties') {
      return fail(M.unknownField(source, entry, String(params.additionalProperty)), String(params.additionalProperty));
    }
    return fail(M.wrongType(source, entry, 'the entry', EXPECTED_TYPE.object));
  }
  const where = path.length > 3 ? `${field} item ${position}` : field;
  if (keyword === 'type') return fail(M.wrongType(source, entry, where, EXPECTED_TYPE[String(params.type)] ?? String(params.type)));
  if (field === 'id') return fail(M.badId(source, entry));
  if (field === 'followUps' && path.length > 3) return fail(M.badFollowUpId(source, entry, position));
  if (field === 'questions') {
    return fail(path.length > 3 ? M.emptyQuestion(source, entry, position) : M.tooFewQuestions(source, entry, Number(params.limit)));
  }
  if (keyword === 'maxLength') return fail(M.tooLong(source, entry, field, Number(params.limit)));
  if (field === 'answer') return fail(M.emptyAnswer(source, entry));
  if (field === 'title') return fail(M.emptyTitle(source, entry));
  return fail(M.invalid(source, entry, where, error?.message ?? 'is not valid'));
}
