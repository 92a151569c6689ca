import { KustomizeError } from '../../errors.js';
import { isJsonObject, withKey, type JsonObject, type JsonValue } from '../../json.js';
import { idString } from '../../resource/id.js';
import { currentId, withObject, type Resource } from '../../resource/resource.js';
import { applyFieldSpec, type FieldSpec } from '../fieldspec.js';
import { lookupField, splitDottedPath } from '../replacements/field-path.js';
import { expandVarReferences, type VarValue } from './expand.js';
import type { VarSet } from './merge.js';
import { formatVar, varFieldPath } from './types.js';

/** Splits `ports[0]` style parts into `ports` and `0`, as kustomize's convertSliceIndex does for var field paths. */
function withSliceIndices(parts: readonly string[]): string[] {
  return parts.flatMap((part) => {
    const match = /^(.*)\[(\d+)\]$/.exec(part);
    if (!match) return [part];
    return match[1] ? [match[1], match[2]!] : [match[2]!];
  });
}

/**
 * The value of each var, by name: the field `fieldref.fieldPath` of the resource the var is bound to (see
 * `mergeVars`), read as kustomize's GetFieldValue reads it (a null field reads as the text `null`).
 * Throws a KustomizeError for a var bound to no resource, or whose field is missing.
 */
export function resolveVarValues(resources: readonly Resource[], vars: VarSet): Map<string, VarValue> {
  const values = new Map<string, VarValue>();
  for (const variable of vars) {
    const resource = resources.find((candidate) => candidate.refVarNames?.includes(variable.name));
    if (resource === undefined) {
      throw new KustomizeError(
        'no-match',
        `var '${formatVar(variable, 'defaulted')}' cannot be mapped to a field in the set of known resources`,
        {},
        "the var's objref must name a resource of the kustomization that declares it (kind, apiVersion and name as written)",
      );
    }
    const fieldPath = varFieldPath(variable);
    let value: JsonValue | undefined;
    try {
      value = lookupField(resource.object, withSliceIndices(splitDottedPath(fieldPath)));
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      throw new KustomizeError('no-match', `field specified in var '${formatVar(variable, 'defaulted')}' not found in corresponding resource`, { field: fieldPath }, `check the path against ${idString(currentId(resource))}`);
    }
    values.set(variable.name, value === null ? 'null' : value);
  }
  return values;
}

/** Replaces var references in one var-reference field, as kustomize's refvar filter: strings in a scalar, map or list. */
function substituteField(value: JsonValue | undefined, values: ReadonlyMap<string, VarValue>, used: Set<string>): JsonValue | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') return expandVarReferences(value, values, used);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      if (typeof item !== 'string') throw new Error('invalid value type expect a string');
      const next = expandVarReferences(item, values, used);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  if (isJsonObject(value)) {
    let out: JsonObject = value;
    for (const key of Object.keys(value)) {
      const item = value[key]!;
      if (typeof item !== 'string') continue;
      const next = expandVarReferences(item, values, used);
      if (next !== item) out = withKey(out, key, next);
    }
    return out;
  }
  return value;
}

/**
 * Resolves the vars and replaces `$(NAME)` in the var-reference fields `fieldSpecs` of every resource
 * (kustomize's ResolveVars, run once at the end of a build). Only string values change: an unknown name or
 * one whose value is a map or list stays as written, `$$` becomes `$`, and a field that is exactly one
 * reference takes the value's type. With no vars, nothing is read or changed. Copy-on-write.
 * Throws a KustomizeError for an unresolvable var or a var-reference list holding a non-string.
 * The names of the vars that replaced a reference are added to `used`.
 */
export function substituteVars(resources: readonly Resource[], vars: VarSet, fieldSpecs: readonly FieldSpec[], used = new Set<string>()): Resource[] {
  if (vars.length === 0) return [...resources];
  const values = resolveVarValues(resources, vars);
  return resources.map((resource) => {
    let object = resource.object;
    for (const spec of fieldSpecs) object = applyFieldSpec(object, spec, (value) => substituteField(value, values, used));
    return withObject(resource, object);
  });
}
