import { PatchError } from '../errors.js';
import { getOwn, goJsonTypeName, hasOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/**
 * One JSON6902 (RFC 6902) operation. A missing `value` means JSON null, as in kustomize (github.com/evanphx/json-patch
 * v4): `{op: add, path: /x}` adds `x: null`.
 */
export type JsonPatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value?: JsonValue }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'replace'; readonly path: string; readonly value?: JsonValue }
  | { readonly op: 'move'; readonly from: string; readonly path: string }
  | { readonly op: 'copy'; readonly from: string; readonly path: string }
  | { readonly op: 'test'; readonly path: string; readonly value?: JsonValue };

/**
 * Reads a JSON6902 patch (a list of operations) from its parsed JSON or YAML, checking each operation as
 * kustomize's json-patch library does, with its error texts, naming the operation's index.
 *
 * kustomize reads patch text as JSON when it starts with `[` (so it must then be strict JSON) and as YAML otherwise;
 * parsing the text is the caller's business. kustomize checks the operations only when it applies them, so a
 * malformed patch that matches no resource goes unnoticed there: call this when about to apply the patch to get
 * exactly that timing. `null` reads as an empty patch, as in Go.
 *
 * @throws PatchError naming the operation index, e.g. `Unexpected kind: bogus` or
 *   `add operation failed to decode path: missing value`
 */
export function parseJson6902(value: JsonValue): JsonPatchOperation[] {
  return decodeJson6902(value).map((item, index) => parseOperation(item, index));
}

/**
 * What kustomize's json-patch library checks when it reads a patch, before any operation is looked at: a list
 * (`null` reads as an empty one) of maps or nulls. Use it to tell a JSON6902 patch from other text; the
 * operations are checked by {@link parseJson6902} when the patch is applied.
 *
 * @throws PatchError with Go's decoding error, e.g. `json: cannot unmarshal string into Go value of type jsonpatch.Operation`
 */
export function decodeJson6902(value: JsonValue): readonly (JsonObject | null)[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new PatchError('json6902', `json: cannot unmarshal ${goJsonTypeName(value)} into Go value of type jsonpatch.Patch`);
  return value.map((item, index) => {
    if (item !== null && !isJsonObject(item)) throw new PatchError('json6902', `json: cannot unmarshal ${goJsonTypeName(item)} into Go value of type jsonpatch.Operation`, { operationIndex: index });
    return item;
  });
}

function parseOperation(item: JsonObject | null, index: number): JsonPatchOperation {
  const field = (name: string): JsonValue | undefined => (item === null ? undefined : getOwn(item, name));
  const rawOp = field('op');
  const op = typeof rawOp === 'string' ? rawOp : 'unknown';
  const fail = (reason: string): never => {
    const path = field('path');
    throw new PatchError('json6902', reason, { operationIndex: index, ...(typeof path === 'string' ? { path } : {}) });
  };
  // The wording of each failure is the library's; note it wraps some decoding errors and replaces others.
  const pointer = (name: 'path' | 'from', describe: (problem: string) => string): string => {
    const raw = field(name);
    if (typeof raw === 'string') return raw;
    return fail(describe(raw === undefined || raw === null ? `operation${name === 'from' ? ',' : ''} missing ${name} field: missing value` : `json: cannot unmarshal ${goJsonTypeName(raw)} into Go value of type string`));
  };
  const value = item !== null && hasOwn(item, 'value') ? (item['value'] as JsonValue) : undefined;
  const withValue = value === undefined ? {} : { value };
  switch (op) {
    case 'add':
      return { op, path: pointer('path', () => 'add operation failed to decode path: missing value'), ...withValue };
    case 'remove':
      return { op, path: pointer('path', () => 'remove operation failed to decode path: missing value') };
    case 'replace':
      return { op, path: pointer('path', (problem) => `replace operation failed to decode path: ${problem}`), ...withValue };
    case 'test':
      return { op, path: pointer('path', (problem) => `test operation failed to decode path: ${problem}`), ...withValue };
    case 'move': {
      const from = pointer('from', (problem) => `move operation failed to decode from: ${problem}`);
      return { op, from, path: pointer('path', (problem) => `move operation failed to decode path: ${problem}`) };
    }
    case 'copy': {
      const from = pointer('from', (problem) => `copy operation failed to decode from: ${problem}`);
      return { op, from, path: pointer('path', () => 'copy operation failed to decode path: missing value') };
    }
    default:
      return fail(`Unexpected kind: ${op}`);
  }
}
