import { KustomizeError } from '../../errors.js';
import { getOwn, isJsonObject, withKey, type JsonObject, type JsonValue } from '../../json.js';
import { gvkSelectedBy, idString, type Gvk, type ResourceId } from '../../resource/id.js';
import { nameOf, namespaceOf, nodeText, withObject, type Resource } from '../../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from '../fieldspec.js';
import type { NameBackReferences } from '../fieldspecs/config.js';
import { nodeKindOf, scalarText } from '../node-kind.js';
import {
  AmbiguousReferralError,
  namespaceFilter,
  ReferralIndex,
  sameNames,
  sameNamesAndNamespaces,
  scopeOf,
  selectReferral,
  type Referral,
  type ReferenceContext,
} from './candidates.js';

/** The configuration of kustomize's name reference transformer. */
export interface NameReferenceTransformerConfig {
  /** Which fields refer to which kinds by name (TransformerConfig `nameReference`). */
  readonly nameReference: readonly NameBackReferences[];
}

/** One referrer field to fix and the kind it refers to. */
interface ReferenceField {
  readonly spec: FieldSpec;
  readonly target: Partial<Gvk>;
  /** The spec's path alone: kustomize applies it to the referrer whatever its kind. */
  readonly anyKind: FieldSpec;
}

/**
 * Rewrites references by name to resources that were renamed (prefix, suffix, namespace, hash), as
 * kustomize's final "fix back references" step. For every field of the `nameReference` table in a resource
 * whose original kind it selects, the resource referred to is the one whose previous names hold the
 * field's value (see selectReferral); the field gets its current name and, for `name`/`namespace` maps
 * such as RoleBinding subjects, its namespace. Each resource referred to records the referrer in `refBy`.
 * Throws when a reference could mean several different resources.
 */
export function fixNameReferences(resources: readonly Resource[], config: NameReferenceTransformerConfig): Resource[] {
  const index = new ReferralIndex(resources);
  const fieldsOf = referenceFieldsByKind(config);
  const objects = resources.map((resource) => resource.object);
  const refBy: ResourceId[][] = resources.map(() => []);
  for (const referrer of index.referrals) {
    const fields = fieldsOf(referrer.originalId);
    if (fields.length === 0) continue;
    const scope = scopeOf(referrer);
    const record = (referral: Referral): void => {
      refBy[referral.index]!.push(referrer.id);
    };
    for (const field of fields) {
      const context: ReferenceContext = { index, referrer, scope, target: field.target, path: field.spec.path };
      objects[referrer.index] = fixField(objects[referrer.index]!, context, field.anyKind, record);
    }
  }
  return resources.map((resource, i) => {
    const updated = withObject(resource, objects[i]!);
    return refBy[i]!.length === 0 ? updated : { ...updated, refBy: [...(resource.refBy ?? []), ...refBy[i]!] };
  });
}

/** The referrer fields of the table that apply to a kind, in table order, read once per kind of the build. */
function referenceFieldsByKind(config: NameReferenceTransformerConfig): (gvk: Gvk) => readonly ReferenceField[] {
  const all: ReferenceField[] = config.nameReference.flatMap((reference) => {
    const target: Partial<Gvk> = { group: reference.group ?? '', version: reference.version ?? '', kind: reference.kind ?? '' };
    return reference.fieldSpecs.map((spec) => ({ spec, target, anyKind: { path: spec.path } }));
  });
  const byGvk = new Map<string, readonly ReferenceField[]>();
  return (gvk) => {
    const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
    let fields = byGvk.get(key);
    if (fields === undefined) {
      fields = all.filter((field) => gvkSelectedBy(gvk, field.spec));
      byGvk.set(key, fields);
    }
    return fields;
  };
}

function fixField(object: JsonObject, context: ReferenceContext, spec: FieldSpec, record: (referral: Referral) => void): JsonObject {
  const setName = (oldName: string): string | undefined => {
    const referral = selectReferral(oldName, context, () => true, sameNames);
    if (referral === undefined) return undefined;
    record(referral);
    return nameOf(referral.resource);
  };
  const setMapping = (map: JsonObject): JsonObject => {
    const oldName = getOwn(map, 'name');
    if (oldName === undefined) throw new Error("path config error; no 'name' field in node");
    const namespace = getOwn(map, 'namespace');
    const inNamespace = namespaceFilter(context.index, context.scope, namespace === undefined ? undefined : nodeText(map, 'namespace'));
    const referral = selectReferral(nodeText(map, 'name'), context, inNamespace, sameNamesAndNamespaces);
    if (referral === undefined) return map;
    record(referral);
    const newName = nameOf(referral.resource);
    const newNamespace = namespaceOf(referral.resource);
    // An empty namespace is a wildcard here, not "default": it never overwrites the field.
    const named = newName === oldName ? map : withKey(map, 'name', newName);
    return newNamespace === '' || newNamespace === namespace ? named : withKey(named, 'namespace', newNamespace);
  };
  /** `text` is the scalar's text as written (a name `1e5` is `1e5`, not 100000). */
  const setReference = (value: JsonValue, text: string): JsonValue => {
    if (value === null) return value;
    if (isJsonObject(value)) return setMapping(value);
    if (nodeKindOf(value) === 'ScalarNode') {
      const newName = setName(text);
      return newName === undefined || newName === text ? value : newName;
    }
    throw new Error('node must be a scalar, sequence or map');
  };
  const set: FieldSetter = (value, { node }) => {
    if (value === undefined || value === null) return value;
    if (!Array.isArray(value)) return setReference(value, node?.text ?? (isJsonObject(value) ? '' : scalarText(value)));
    const updated = value.map((element, i) => {
      if (Array.isArray(element)) throw new Error(`${JSON.stringify(element)} is expected to be either a string or a map of string`);
      return setReference(element, isJsonObject(element) ? '' : nodeText(value, String(i)));
    });
    return updated.some((element, i) => element !== value[i]) ? updated : value;
  };
  try {
    // Kustomize never creates fields here.
    return applyFieldSpec(object, spec, set);
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    const ambiguous = error.cause instanceof AmbiguousReferralError;
    throw new KustomizeError(
      ambiguous ? 'ambiguous-match' : error.code,
      `updating name reference in '${context.path}' field of '${idString(context.referrer.id)}': ${error.message}`,
      error.location,
      ambiguous
        ? 'the resources it could mean were renamed alike; give them distinct names, namePrefix or nameSuffix, or put them in distinct namespaces'
        : error.hint,
      { cause: error },
    );
  }
}
