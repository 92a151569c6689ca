import { isClusterScoped } from './scope.js';

/** Group, version and kind of a resource. Empty strings mean "not given". */
export interface Gvk {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** What identifies a resource within a build: its kind and its name in its namespace. */
export interface ResourceId extends Gvk {
  readonly name: string;
  /** As written in the resource; empty when it has none. */
  readonly namespace: string;
}

/** Splits an `apiVersion` into group and version (`apps/v1` → `apps`, `v1`; `v1` → ``, `v1`). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The `apiVersion` of a group and version. */
export function apiVersionOf(gvk: Gvk): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/** True when the kind is cluster-scoped, so its namespace is never set or compared. */
export function isClusterScopedGvk(gvk: Gvk): boolean {
  return isClusterScoped(gvk.group, gvk.version, gvk.kind);
}

/** The namespace used to compare ids: `default` for an empty one, a marker for cluster-scoped kinds. */
export function effectiveNamespace(id: ResourceId): string {
  if (isClusterScopedGvk(id)) return '_non_namespaceable_';
  return id.namespace === '' ? 'default' : id.namespace;
}

/** True when both ids name the same object. */
export function idEquals(a: ResourceId, b: ResourceId): boolean {
  return gvkEquals(a, b) && a.name === b.name && effectiveNamespace(a) === effectiveNamespace(b);
}

/** True when both name the same group, version and kind. */
export function gvkEquals(a: Gvk, b: Gvk): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/** True when `gvk` is selected by `selector`, whose empty fields match anything. */
export function gvkSelectedBy(gvk: Gvk, selector: Partial<Gvk>): boolean {
  return (
    (!selector.group || selector.group === gvk.group) &&
    (!selector.version || selector.version === gvk.version) &&
    (!selector.kind || selector.kind === gvk.kind)
  );
}

/** Kustomize's text form of a gvk: `Deployment.v1.apps`, with `[noGrp]`-style markers for empty fields. */
export function gvkString(gvk: Gvk): string {
  return `${gvk.kind || '[noKind]'}.${gvk.version || '[noVer]'}.${gvk.group || '[noGrp]'}`;
}

/** Kustomize's text form of an id: `Deployment.v1.apps/web.prod`, as its error messages print it. */
export function idString(id: ResourceId): string {
  return `${gvkString(id)}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

/** A stable key for maps: equal for ids that {@link idEquals} says are equal. */
export function idKey(id: ResourceId): string {
  return `${id.group}|${id.version}|${id.kind}|${effectiveNamespace(id)}|${id.name}`;
}
