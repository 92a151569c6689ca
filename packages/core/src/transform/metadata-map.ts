import { carryScalarNodes, forgetScalarNode, getOwn, isJsonObject, setOwn, type JsonObject } from '../json.js';
import { followLinks, withLinkedEntry } from '../resource/links.js';
import { withObject, type Resource } from '../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from './fieldspec.js';
import { nodeKindOf, WrongNodeKindError } from './node-kind.js';

/**
 * Sets `entries` in the string maps (labels, annotations, selectors) that `fieldSpecs` names, as kustomize's
 * labels and annotations filters: a missing map is created where the spec says `create`, a null one is
 * filled only then, and a field that is not a map is an error. The maps of a resource that get a key they
 * lacked share one node for it (links.ts); a key overwritten in a map written together with others changes
 * them all.
 */
export function setMapEntries(resources: readonly Resource[], entries: Readonly<Record<string, string>>, fieldSpecs: readonly FieldSpec[]): Resource[] {
  const keys = Object.keys(entries);
  if (keys.length === 0) return [...resources];
  /** Per key, the maps of the resource at hand that lacked it. */
  let added = new Map<string, (readonly string[])[]>();
  const setEntries = (map: JsonObject, path: readonly string[]): JsonObject => {
    let out = map;
    for (const key of keys) {
      const current = getOwn(out, key);
      if (current === undefined) {
        const maps = added.get(key);
        if (maps === undefined) added.set(key, [path]);
        else maps.push(path);
      }
      if (current === entries[key]) continue;
      if (out === map) out = carryScalarNodes(map, { ...map });
      setOwn(out, key, entries[key]!);
      forgetScalarNode(out, key);
    }
    return out;
  };
  const setter = (create: boolean): FieldSetter => (value, { path }) => {
    // A null map met by a spec without `create` stays null, as kustomize's setter cannot fill it.
    if (value === undefined || value === null) return create ? setEntries({}, path) : value;
    if (!isJsonObject(value)) throw new WrongNodeKindError('MappingNode', nodeKindOf(value));
    return setEntries(value, path);
  };
  const setters = { create: setter(true), keep: setter(false) };
  return resources.map((resource) => {
    added = new Map();
    let object = resource.object;
    for (const spec of fieldSpecs) object = applyFieldSpec(object, spec, spec.create === true ? setters.create : setters.keep);
    let result = followLinks(resource, withObject(resource, object));
    for (const [key, maps] of added) result = withLinkedEntry(result, key, maps);
    return result;
  });
}
