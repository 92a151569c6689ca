/**
 * Entries written together: kustomize's label and annotation transformers make ONE YAML node per key and
 * resource and put that same node into every map of the resource where the key was missing (metadata labels,
 * selectors, template labels…). Whatever later overwrites the key in one of those maps overwrites the shared
 * node in place (kyaml's FieldSetter copies the new value into the existing node), so every map written
 * together shows the new value: a second `labels:` entry without selectors still changes the selectors, and so
 * does a strategic-merge patch or a replacement into one of the places.
 *
 * Resources here are plain JSON, where no value can be in two places. So a resource remembers, beside its
 * object, which maps got each key together ({@link LinkedEntry}); after a transform that writes values in place
 * (labels, annotations, strategic merges, replacements) {@link followLinks} copies a changed value to the other
 * maps of its group. Transforms that rebuild the resource from JSON (JSON patches) give it new nodes:
 * {@link withoutLinks}. A map that lost the key leaves its group.
 */
import { getOwn, isJsonObject, withKey, carryScalarNodes, type JsonObject, type JsonValue } from '../json.js';
import type { Resource } from './resource.js';

/** One key written by one transformer into several maps of a resource, as one shared node. */
export interface LinkedEntry {
  readonly key: string;
  /** The paths (from the object's root, sequence indices as numbers in text) of the maps holding the key. */
  readonly maps: readonly (readonly string[])[];
}

function valueAt(object: JsonValue, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = object;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isJsonObject(node)) node = getOwn(node, segment);
    else return undefined;
  }
  return node;
}

function entryAt(object: JsonObject, map: readonly string[], key: string): JsonValue | undefined {
  const found = valueAt(object, map);
  return isJsonObject(found) ? getOwn(found, key) : undefined;
}

/** A copy of `node` with `value` at `key` of the map at `path`, copying only along the path. */
function withEntryAt(node: JsonValue, path: readonly string[], depth: number, key: string, value: JsonValue): JsonValue {
  if (depth === path.length) return withKey(node as JsonObject, key, value);
  const segment = path[depth]!;
  if (Array.isArray(node)) {
    const copy = carryScalarNodes(node, node.slice());
    copy[Number(segment)] = withEntryAt(node[Number(segment)]!, path, depth + 1, key, value);
    return copy;
  }
  const object = node as JsonObject;
  return withKey(object, segment, withEntryAt(getOwn(object, segment)!, path, depth + 1, key, value));
}

/**
 * `after` (what a transform that writes in place made of `before`) with every value the transform changed in a
 * map of a linked group copied to the group's other maps, as the shared node shows it there. When a transform
 * changed several maps of a group, the last one written (the group's last map) wins, as the last write to the
 * shared node does.
 */
export function followLinks(before: Resource, after: Resource): Resource {
  const linked = before.linked;
  if (linked === undefined || linked.length === 0 || before.object === after.object) return after;
  let object = after.object;
  const kept: LinkedEntry[] = [];
  for (const group of linked) {
    const maps = group.maps.filter((map) => entryAt(object, map, group.key) !== undefined);
    let changed: JsonValue | undefined;
    for (const map of maps) {
      const now = entryAt(object, map, group.key)!;
      if (now !== entryAt(before.object, map, group.key)) changed = now;
    }
    if (changed !== undefined) {
      for (const map of maps) {
        if (entryAt(object, map, group.key) !== changed) object = withEntryAt(object, map, 0, group.key, changed) as JsonObject;
      }
    }
    if (maps.length > 1) kept.push(maps.length === group.maps.length ? group : { key: group.key, maps });
  }
  return { ...after, object, linked: kept };
}

/** `resource` remembering that `key` was written into the maps at `maps` together. */
export function withLinkedEntry(resource: Resource, key: string, maps: readonly (readonly string[])[]): Resource {
  if (maps.length < 2) return resource;
  return { ...resource, linked: [...(resource.linked ?? []), { key, maps }] };
}

/** `resource` with no entries written together: its nodes were made anew. */
export function withoutLinks(resource: Resource): Resource {
  if (resource.linked === undefined) return resource;
  const { linked: _dropped, ...rest } = resource;
  return rest;
}
