import type { JsonValue } from '../../json.js';
import { gvkString, type Gvk } from '../../resource/id.js';
import { FieldReader } from '../replacements/decode.js';
import { defaultReplacementFieldPath } from '../replacements/types.js';

/**
 * The object a var reads from. `apiVersion`, when given, overrides `group` and `version` as kustomize's
 * Target.GVK does. The name is the name as written, before prefixes and suffixes.
 */
export interface VarObjRef {
  readonly apiVersion?: string;
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** A legacy kustomize var: `$(name)` in var-reference fields becomes the value of `fieldref.fieldPath` in `objref`. */
export interface Var {
  readonly name: string;
  readonly objref: VarObjRef;
  /** Dotted path, `metadata.name` when empty; `ports[0]` style indices are allowed. */
  readonly fieldref: { readonly fieldPath?: string };
}

/** The group, version and kind a var's objref names, `apiVersion` applied as kustomize's Target.GVK. */
export function varGvk(objref: VarObjRef): Gvk {
  const gvk = { group: objref.group ?? '', version: objref.version ?? '', kind: objref.kind ?? '' };
  if (!objref.apiVersion) return gvk;
  const parts = objref.apiVersion.split('/');
  if (parts.length === 2) return { ...gvk, group: parts[0]!, version: parts[1]! };
  if (parts.length === 1) return { ...gvk, version: parts[0]! };
  return gvk;
}

/** The field path a var reads, defaulted as kustomize does. */
export function varFieldPath(variable: Var): string {
  return variable.fieldref.fieldPath || defaultReplacementFieldPath;
}

/**
 * Kustomize's text form of a var in its messages (Go's `%v` of the struct): `{NAME Kind.version.group {path}}`.
 * `defaulted` prints it as stored in a var set (apiVersion applied, field path defaulted); otherwise as written.
 */
export function formatVar(variable: Var, form: 'written' | 'matched' | 'defaulted'): string {
  const { objref } = variable;
  const gvk = form === 'written' ? { group: objref.group ?? '', version: objref.version ?? '', kind: objref.kind ?? '' } : varGvk(objref);
  const fieldPath = form === 'defaulted' ? varFieldPath(variable) : (variable.fieldref.fieldPath ?? '');
  return `{${variable.name} ${gvkString(gvk)} {${fieldPath}}}`;
}

/** Kustomize's text form of a list of vars as written (Go's `%v` of the slice). */
export function formatVarList(vars: readonly Var[]): string {
  return `[${vars.map((variable) => formatVar(variable, 'written')).join(' ')}]`;
}

/**
 * Parses a kustomization's `vars` list (null means none), as Go's encoding/json fills kustomize's Var:
 * keys match ignoring case, missing fields are empty. Throws a KustomizeError naming a field of the wrong type.
 */
export function parseVars(value: JsonValue, file: string): Var[] {
  if (value === null) return [];
  const root = new FieldReader({}, 'var', file, '', 'invalid-kustomization');
  if (!Array.isArray(value)) throw root.typeError('vars', value, 'list');
  return value.map((item, i) => {
    const entry = root.item(item, `vars[${i}]`);
    const objref = entry.object('objref');
    const fieldref = entry.object('fieldref');
    return {
      name: entry.string('name'),
      objref: {
        apiVersion: objref?.string('apiVersion') ?? '',
        group: objref?.string('group') ?? '',
        version: objref?.string('version') ?? '',
        kind: objref?.string('kind') ?? '',
        name: objref?.string('name') ?? '',
        namespace: objref?.string('namespace') ?? '',
      },
      fieldref: { fieldPath: fieldref?.string('fieldPath') ?? '' },
    };
  });
}
