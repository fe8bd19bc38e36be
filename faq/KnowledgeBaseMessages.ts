/**
 * Every sentence the knowledge-base loader can refuse a file with, in one place so the wording stays
 * consistent and the tests compare against the same text. Written for clinic staff, not programmers:
 * each names the file, then the entry, then what is wrong with which field.
 */

import type { JsonSyntaxProblem } from './jsonLocations';

/** `entry "stretching"`, or `entry 4` when the entry has no usable id yet. */
export type EntryLabel = string;

const ENTRY_FIELDS = 'id, title, questions, answer, followUps, offerBooking';

export const KnowledgeBaseMessages = Object.freeze({
  unreadable: (source: string, reason: string) => `${source}: cannot be read (${reason})`,
  notJson: (source: string, problem: JsonSyntaxProblem) =>
    `${source}: is not valid JSON at line ${problem.line}, column ${problem.column}: ${problem.advice}`,
  notAnObject: (source: string) => `${source}: must be one object with an "entries" list`,
  unknownTopLevelField: (source: string, field: string) =>
    `${source}: "${field}" is not allowed at the top level (only "$schema" and "entries")`,
  noEntries: (source: string) => `${source}: "entries" must be a list with at least one entry`,

  missingField: (source: string, entry: EntryLabel, field: string) => `${source}: ${entry}: ${field} is missing`,
  unknownField: (source: string, entry: EntryLabel, field: string) =>
    `${source}: ${entry}: "${field}" is not a field an entry can have (allowed: ${ENTRY_FIELDS})`,
  badId: (source: string, entry: EntryLabel) => `${source}: ${entry}: id must be lower-case words joined by dashes, e.g. "spinal-stenosis"`,
  badFollowUpId: (source: string, entry: EntryLabel, position: number) =>
    `${source}: ${entry}: followUps item ${position} must be an entry id (lower-case words joined by dashes)`,
  tooFewQuestions: (source: string, entry: EntryLabel, minimum: number) =>
    `${source}: ${entry}: questions needs at least ${minimum} different ways of asking`,
  emptyQuestion: (source: string, entry: EntryLabel, position: number) => `${source}: ${entry}: questions item ${position} is empty`,
  emptyAnswer: (source: string, entry: EntryLabel) => `${source}: ${entry}: answer is empty`,
  tooLong: (source: string, entry: EntryLabel, field: string, limit: number) =>
    `${source}: ${entry}: ${field} is longer than ${limit} characters`,
  emptyTitle: (source: string, entry: EntryLabel) => `${source}: ${entry}: title is empty (leave it out instead)`,
  wrongType: (source: string, entry: EntryLabel, field: string, expected: string) => `${source}: ${entry}: ${field} must be ${expected}`,
  invalid: (source: string, entry: EntryLabel, field: string, detail: string) => `${source}: ${entry}: ${field} ${detail}`,

  duplicateId: (source: string, id: string) => `${source}: entry "${id}" appears more than once: each id must be unique`,
  unknownFollowUp: (source: string, id: string, target: string) =>
    `${source}: entry "${id}": followUps refers to "${target}", which is not an entry id`,
});

/** Plain words for JSON types in `wrongType`. */
export const EXPECTED_TYPE: Readonly<Record<string, string>> = Object.freeze({
  string: 'text in quotes',
  array: 'a list in [ ]',
  boolean: 'true or false',
  object: 'an object in { }',
});
