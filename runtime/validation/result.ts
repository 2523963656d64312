/** What a generated validator returns. */

/** One problem found in a value, at a JSON path such as `$.lines[2].quantity`. */
export interface ValidationIssue {
  readonly path: string;
  /** Lower-case phrase completing the path: `must be >= 1`, `is required`, `must be one of "EUR", "USD"`. */
  readonly message: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * A generated decoder: checks `value` (at `path`), appends every problem to `issues`, and returns
 * the decoded value with defaults applied (frozen), or undefined when there were problems.
 * Decoders accept the JSON form (long as string or safe integer) and produce the TypeScript form (bigint).
 */
export type Decoder<T> = (value: unknown, path: string, issues: ValidationIssue[]) => T | undefined;

/** Runs a decoder from the root path `$`. */
export function validate<T>(decoder: Decoder<T>, value: unknown): ValidationResult<T> {
  const issues: ValidationIssue[] = [];
  const decoded = decoder(value, "$", issues);
  if (issues.length > 0 || decoded === undefined) {
    return { ok: false, issues: issues.length > 0 ? issues : [{ path: "$", message: "is invalid" }] };
  }
  return { ok: true, value: decoded };
}

/** `$.lines[2].quantity: must be >= 1` lines, for messages. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("\n");
}
