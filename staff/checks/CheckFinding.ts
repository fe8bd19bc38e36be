/**
 * One problem the knowledge-base check found, and how it is printed for clinic staff. Errors would make
 * the bot refuse the file (or answer wrongly); warnings are worth fixing but the bot copes.
 */
export type Severity = 'error' | 'warning';

export interface CheckFinding {
  readonly severity: Severity;
  /** Plain words, starting with the entry it is about, e.g. `entry "stretching": answer is empty`. */
  readonly message: string;
  /** The entry id, or undefined when the problem is the whole file. */
  readonly entryId?: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
}

/** `ERROR    line 88: entry "stretching": …` — the line first, because that is where staff go next. */
export function formatFinding(finding: CheckFinding): string {
  const where = finding.line === undefined ? '' : `line ${finding.line}: `;
  return `${finding.severity.toUpperCase().padEnd(8)} ${where}${finding.message}`;
}

export function countFindings(findings: readonly CheckFinding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** Orders findings as they appear in the file, whole-file problems first. */
export function byLine(a: CheckFinding, b: CheckFinding): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
