/** Which part of the package a {@link PatchError} comes from. */
export type PatchErrorKind = 'strategic-merge' | 'json6902' | 'schema';

/**
 * The one error type this package throws. `message` contains kustomize's own wording for the failure (so it can be
 * matched against `kubectl kustomize` output), prefixed with where it happened; the fields carry the same facts for
 * callers that want to build their own message.
 */
export class PatchError extends Error {
  override readonly name: string = 'PatchError';
  readonly kind: PatchErrorKind;
  /**
   * Where in the document the problem lies: a field path such as `spec.template.spec.containers[name=app].ports`
   * for strategic merge, the operation's JSON pointer for JSON6902.
   */
  readonly path: string | undefined;
  /** Zero-based index of the JSON6902 operation that failed. */
  readonly operationIndex: number | undefined;
  /** kustomize's wording of the failure, without the location prefix. */
  readonly reason: string;

  constructor(kind: PatchErrorKind, reason: string, where: { path?: string; operationIndex?: number } = {}) {
    super(describe(kind, reason, where));
    this.kind = kind;
    this.reason = reason;
    this.path = where.path;
    this.operationIndex = where.operationIndex;
  }
}

function describe(kind: PatchErrorKind, reason: string, where: { path?: string; operationIndex?: number }): string {
  if (kind === 'json6902' && where.operationIndex !== undefined) {
    return `JSON patch operation ${where.operationIndex}${where.path !== undefined ? ` (path ${JSON.stringify(where.path)})` : ''}: ${reason}`;
  }
  if (where.path !== undefined && where.path !== '') return `${kind === 'schema' ? 'OpenAPI schema' : 'strategic merge patch'} at ${where.path}: ${reason}`;
  return reason;
}
