import { getOwn, isJsonObject, setOwn, type JsonObject } from '../json.js';
import { withObject, type Resource } from '../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from './fieldspec.js';
import { nodeKindOf, WrongNodeKindError } from './node-kind.js';

/**
 * Sets `entries` in the string maps (labels, annotations, selectors) that `fieldSpecs` names, as kustomize's
 * labels and annotations filters: a missing map is created where the spec says `create`, a null one is
 * filled only then, and a field that is not a map is an error.
 */
export function setMapEntries(resources: readonly Resource[], entries: Readonly<Record<string, string>>, fieldSpecs: readonly FieldSpec[]): Resource[] {
  const keys = Object.keys(entries);
  if (keys.length === 0) return [...resources];
  const setEntries = (map: JsonObject): JsonObject => {
    let out = map;
    for (const key of keys) {
      if (getOwn(out, key) === entries[key]) continue;
      if (out === map) out = { ...map };
      setOwn(out, key, entries[key]!);
    }
    return out;
  };
  const setter = (create: boolean): FieldSetter => (value) => {
    // A null map met by a spec without `create` stays null, as kustomize's setter cannot fill it.
    if (value === undefined || value === null) return create ? setEntries({}) : value;
    if (!isJsonObject(value)) throw new WrongNodeKindError('MappingNode', nodeKindOf(value));
    return setEntries(value);
  };
  const setters = { create: setter(true), keep: setter(false) };
  return resources.map((resource) => {
    let object = resource.object;
    for (const spec of fieldSpecs) object = applyFieldSpec(object, spec, spec.create === true ? setters.create : setters.keep);
    return withObject(resource, object);
  });
}
