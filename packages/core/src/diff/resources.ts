/**
 * A semantic diff of two builds (say staging and prod): which resources one has and the other lacks, and
 * for the resources both have, which fields differ. The question to answer before a promotion.
 */
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { idOfObject } from '../resource/resource.js';

/** Names a resource in a diff. */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  /** Empty when the resource has none (cluster-scoped kinds, or unset). */
  readonly namespace: string;
  readonly name: string;
}

/** One field that differs between the two sides of a changed resource. */
export interface FieldChange {
  /**
   * Where the field is: `spec.replicas`, `metadata.labels["app.kubernetes.io/name"]`, list items by
   * index (`args[2]`) or, in lists of named objects, by name (`containers[name=vote].image`).
   */
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The value on the first side; absent for an added field. */
  readonly before?: JsonValue;
  /** The value on the second side; absent for a removed field. */
  readonly after?: JsonValue;
}

/** A resource both sides have, with its differing fields. */
export interface ChangedResource {
  readonly before: ResourceRef;
  readonly after: ResourceRef;
  readonly changes: readonly FieldChange[];
}

/** What differs between two sets of resources. */
export interface ResourceDiff {
  /** Only on the second side. */
  readonly added: readonly ResourceRef[];
  /** Only on the first side. */
  readonly removed: readonly ResourceRef[];
  /** On both sides, with differences. */
  readonly changed: readonly ChangedResource[];
  /** On both sides, equal. */
  readonly unchanged: readonly ResourceRef[];
}

/** How names of one side are read when pairing resources whose ids differ. */
export interface DiffSide {
  /** The side's `namePrefix`, ignored when pairing (`staging-` and `prod-` name the same thing). */
  readonly namePrefix?: string;
  /** The side's `nameSuffix`, ignored when pairing. */
  readonly nameSuffix?: string;
}

/** Options of {@link diffResources}. */
export interface ResourceDiffOptions {
  readonly before?: DiffSide;
  readonly after?: DiffSide;
}

/**
 * Compares two lists of resources (two builds' `objects`). Resources pair up first by kind and name in the
 * same namespace (the API version may differ); the rest pair up when, within one API group and kind, exactly
 * one resource on each side has the same name once each side's `namePrefix`/`nameSuffix` and a generated
 * ConfigMap's or Secret's content-hash suffix are set aside, whatever their namespaces.
 */
export function diffResources(before: readonly JsonObject[], after: readonly JsonObject[], options: ResourceDiffOptions = {}): ResourceDiff {
  const pairs: { before: JsonObject; after: JsonObject }[] = [];
  const unpairedAfter = new Set(after);
  const unpairedBefore: JsonObject[] = [];
  const afterByKey = groupBy(after, exactKey);
  for (const object of before) {
    const match = afterByKey.get(exactKey(object))?.find((candidate) => unpairedAfter.has(candidate));
    if (match === undefined) {
      unpairedBefore.push(object);
      continue;
    }
    unpairedAfter.delete(match);
    pairs.push({ before: object, after: match });
  }
  const beforeStems = groupBy(unpairedBefore, (object) => stemKey(object, options.before));
  const afterStems = groupBy([...unpairedAfter], (object) => stemKey(object, options.after));
  const removed: ResourceRef[] = [];
  for (const object of unpairedBefore) {
    const key = stemKey(object, options.before);
    const candidates = afterStems.get(key) ?? [];
    if (beforeStems.get(key)?.length === 1 && candidates.length === 1) {
      unpairedAfter.delete(candidates[0]!);
      pairs.push({ before: object, after: candidates[0]! });
    } else {
      removed.push(refOf(object));
    }
  }
  const changed: ChangedResource[] = [];
  const unchanged: ResourceRef[] = [];
  for (const pair of pairs) {
    const changes = diffValues(pair.before, pair.after, '');
    if (changes.length === 0) unchanged.push(refOf(pair.after));
    else changed.push({ before: refOf(pair.before), after: refOf(pair.after), changes });
  }
  return { added: [...unpairedAfter].map(refOf), removed, changed, unchanged };
}

function groupBy(objects: readonly JsonObject[], key: (object: JsonObject) => string): Map<string, JsonObject[]> {
  const groups = new Map<string, JsonObject[]>();
  for (const object of objects) {
    const k = key(object);
    const group = groups.get(k);
    if (group) group.push(object);
    else groups.set(k, [object]);
  }
  return groups;
}

function exactKey(object: JsonObject): string {
  const id = idOfObject(object);
  return JSON.stringify([id.group, id.kind, id.namespace, id.name]);
}

/** kustomize's content hash: ten characters of a hex digest with 0, 1, 3, a and e swapped for letters. */
const hashSuffix = /-[245-9bcdfghkmt]{10}$/;

function stemKey(object: JsonObject, side: DiffSide = {}): string {
  const id = idOfObject(object);
  let name = id.name;
  if ((id.kind === 'ConfigMap' || id.kind === 'Secret') && id.group === '') name = name.replace(hashSuffix, '');
  const prefix = side.namePrefix ?? '';
  const suffix = side.nameSuffix ?? '';
  if (prefix !== '' && name.startsWith(prefix)) name = name.slice(prefix.length);
  if (suffix !== '' && name.endsWith(suffix)) name = name.slice(0, name.length - suffix.length);
  return JSON.stringify([id.group, id.kind, name]);
}

function refOf(object: JsonObject): ResourceRef {
  const id = idOfObject(object);
  const apiVersion = getOwn(object, 'apiVersion');
  return { apiVersion: typeof apiVersion === 'string' ? apiVersion : '', kind: id.kind, namespace: id.namespace, name: id.name };
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function childPath(path: string, key: string): string {
  if (plainKey.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The differences between two JSON values, field by field. */
function diffValues(before: JsonValue, after: JsonValue, path: string): FieldChange[] {
  if (isJsonObject(before) && isJsonObject(after)) {
    const changes: FieldChange[] = [];
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => getOwn(before, key) === undefined)];
    for (const key of keys) {
      const a = getOwn(before, key);
      const b = getOwn(after, key);
      const here = childPath(path, key);
      if (a === undefined) changes.push({ path: here, change: 'added', after: b! });
      else if (b === undefined) changes.push({ path: here, change: 'removed', before: a });
      else changes.push(...diffValues(a, b, here));
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return namedItems(before) && namedItems(after) ? diffNamedLists(before, after, path) : diffIndexedLists(before, after, path);
  }
  return jsonEquals(before, after) ? [] : [{ path: path || '.', change: 'changed', before, after }];
}

/** True for lists of objects with distinct string `name`s (containers, env, ports, volumes): paired by name. */
function namedItems(list: readonly JsonValue[]): list is JsonObject[] {
  const names = list.map((item) => (isJsonObject(item) ? getOwn(item, 'name') : undefined));
  return list.length > 0 && names.every((name) => typeof name === 'string') && new Set(names).size === names.length;
}

function diffNamedLists(before: readonly JsonObject[], after: readonly JsonObject[], path: string): FieldChange[] {
  const nameOf = (item: JsonObject) => getOwn(item, 'name') as string;
  const afterByName = new Map(after.map((item) => [nameOf(item), item]));
  const beforeNames = new Set(before.map(nameOf));
  const changes: FieldChange[] = [];
  for (const item of before) {
    const here = `${path}[name=${nameOf(item)}]`;
    const other = afterByName.get(nameOf(item));
    if (other === undefined) changes.push({ path: here, change: 'removed', before: item });
    else changes.push(...diffValues(item, other, here));
  }
  for (const item of after) {
    if (!beforeNames.has(nameOf(item))) changes.push({ path: `${path}[name=${nameOf(item)}]`, change: 'added', after: item });
  }
  return changes;
}

function diffIndexedLists(before: readonly JsonValue[], after: readonly JsonValue[], path: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const here = `${path}[${i}]`;
    if (i >= after.length) changes.push({ path: here, change: 'removed', before: before[i]! });
    else if (i >= before.length) changes.push({ path: here, change: 'added', after: after[i]! });
    else changes.push(...diffValues(before[i]!, after[i]!, here));
  }
  return changes;
}

function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]!));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => getOwn(b, key) !== undefined && jsonEquals(a[key]!, b[key]!));
  }
  return false;
}

/** Labels of the two sides in a printed diff. */
export interface ResourceDiffLabels {
  readonly before: string;
  readonly after: string;
}

const longestValue = 80;

/**
 * The diff as text: a `---`/`+++` header, one line per resource (`~` changed, `+` added, `-` removed)
 * with its changed fields indented below it, and a summary line. Values print as JSON, cut at 80 characters.
 */
export function formatResourceDiff(diff: ResourceDiff, labels: ResourceDiffLabels): string {
  let out = `--- ${labels.before}\n+++ ${labels.after}\n`;
  for (const resource of diff.changed) {
    const names = formatRef(resource.before) === formatRef(resource.after) ? formatRef(resource.after) : `${formatRef(resource.before)} → ${formatRef(resource.after)}`;
    out += `~ ${names}\n`;
    for (const change of resource.changes) out += `    ${formatChange(change)}\n`;
  }
  for (const ref of diff.added) out += `+ ${formatRef(ref)}\n`;
  for (const ref of diff.removed) out += `- ${formatRef(ref)}\n`;
  out += `${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed, ${diff.unchanged.length} unchanged\n`;
  return out;
}

function formatRef(ref: ResourceRef): string {
  const where = ref.namespace === '' ? ref.name : `${ref.namespace}/${ref.name}`;
  return `${ref.kind} ${where} (${ref.apiVersion})`;
}

function formatChange(change: FieldChange): string {
  if (change.change === 'added') return `+ ${change.path}: ${formatValue(change.after!)}`;
  if (change.change === 'removed') return `- ${change.path}: ${formatValue(change.before!)}`;
  return `~ ${change.path}: ${formatValue(change.before!)} → ${formatValue(change.after!)}`;
}

function formatValue(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > longestValue ? `${text.slice(0, longestValue - 1)}…` : text;
}
