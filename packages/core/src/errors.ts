import type { BuildWarning } from './pipeline/diagnostics.js';

/** Where in the input a problem lies. Every field is optional: an error names what it knows. */
export interface ErrorLocation {
  /** The file, relative to the build root where possible. */
  readonly file?: string;
  /** Zero-based index of the YAML document within the file. */
  readonly document?: number;
  /** The field path within the document or kustomization, e.g. `spec.template.spec.containers[0].image`. */
  readonly field?: string;
}

/** What kind of failure an error is; stable, for callers that branch on it. */
export type KustomizeErrorCode =
  | 'file-not-found'
  | 'load-restricted'
  | 'yaml-syntax'
  | 'invalid-kustomization'
  | 'invalid-resource'
  | 'cycle'
  | 'duplicate-id'
  | 'no-match'
  | 'ambiguous-match'
  | 'transform-failed'
  | 'unsupported'
  | 'limit-exceeded'
  | 'invalid-argument'
  | 'already-exists'
  | 'write-failed'
  | 'golden-mismatch'
  | 'hook-failed'
  | 'remote-failed';

/**
 * The one error type the public API throws. It names the file, the document and the field
 * where it can, says what is wrong (`message`) and what would fix it (`hint`).
 */
export class KustomizeError extends Error {
  override readonly name: string = 'KustomizeError';
  readonly code: KustomizeErrorCode;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;
  /** The warnings a failed build gave before it failed (kubectl prints them before the error). */
  readonly warnings: readonly BuildWarning[];

  constructor(code: KustomizeErrorCode, message: string, location: ErrorLocation = {}, hint?: string, options?: { cause?: unknown; warnings?: readonly BuildWarning[] }) {
    super(message, options !== undefined && 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.location = location;
    this.hint = hint;
    this.warnings = options?.warnings ?? [];
  }

  /** The whole error as one line: location, cause and hint. */
  toOneLine(): string {
    const where = formatLocation(this.location);
    const text = `${where ? `${where}: ` : ''}${this.message}${this.hint ? ` (${this.hint})` : ''}`;
    return text.replace(/\s*\n\s*/g, '; ');
  }
}

function formatLocation(location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(location.file);
  if (location.document !== undefined) parts.push(`document ${location.document}`);
  if (location.field !== undefined) parts.push(`field ${location.field}`);
  return parts.join(', ');
}

/** A copy of `error` with location facts it lacked filled in from `outer`. */
export function locate(error: KustomizeError, outer: ErrorLocation): KustomizeError {
  const location: ErrorLocation = { ...outer, ...definedOnly(error.location) };
  return new KustomizeError(error.code, error.message, location, error.hint, { cause: error.cause });
}

function definedOnly(location: ErrorLocation): ErrorLocation {
  return Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined)) as ErrorLocation;
}
