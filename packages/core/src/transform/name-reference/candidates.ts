import { KustomizeError } from '../../errors.js';
import { getOwn, isJsonObject, type JsonValue } from '../../json.js';
import { effectiveNamespace, gvkSelectedBy, idString, isClusterScopedGvk, type Gvk, type ResourceId } from '../../resource/id.js';
import { currentId, nameOf, namespaceOf, originalId, previousIdsOf, type Resource } from '../../resource/resource.js';

/** What name-reference matching reads of a resource, computed once per build. */
export interface Referral {
  /** Its position in the build, where its refBy record goes. */
  readonly index: number;
  readonly resource: Resource;
  readonly id: ResourceId;
  readonly originalId: ResourceId;
  readonly previousIds: readonly ResourceId[];
  readonly clusterScoped: boolean;
  /** The effective namespace of its current id. */
  readonly namespace: string;
  /** Its namespace as written (empty when none). */
  readonly writtenNamespace: string;
  /** The effective namespace of its original id, undefined when that id is cluster-scoped. */
  readonly originalNamespace: string | undefined;
}

/**
 * The referrals of a build, indexed so that a reference looks only at the resources that once had its
 * name: references are fixed in time linear in the build, where scanning every resource per reference
 * would be quadratic.
 */
export class ReferralIndex {
  readonly referrals: readonly Referral[];
  readonly #byPreviousName = new Map<string, Referral[]>();
  /** Original namespaces of the referrals a scope can hold, by what decides that it holds them. */
  readonly #originalNamespaces = { all: new Set<string>(), clusterScoped: new Set<string>(), byNamespace: new Map<string, Set<string>>(), byWrittenNamespace: new Map<string, Set<string>>() };

  constructor(resources: readonly Resource[]) {
    this.referrals = resources.map((resource, index) => {
      const id = currentId(resource);
      const original = originalId(resource);
      return {
        index,
        resource,
        id,
        originalId: original,
        previousIds: previousIdsOf(resource),
        clusterScoped: isClusterScopedGvk(id),
        namespace: effectiveNamespace(id),
        writtenNamespace: namespaceOf(resource),
        originalNamespace: isClusterScopedGvk(original) ? undefined : effectiveNamespace(original),
      };
    });
    for (const referral of this.referrals) {
      for (const name of new Set(referral.previousIds.map((id) => id.name))) appendTo(this.#byPreviousName, name, referral);
      const original = referral.originalNamespace;
      if (original === undefined) continue;
      const namespaces = this.#originalNamespaces;
      namespaces.all.add(original);
      if (referral.clusterScoped) namespaces.clusterScoped.add(original);
      else {
        addTo(namespaces.byNamespace, referral.namespace, original);
        addTo(namespaces.byWrittenNamespace, referral.writtenNamespace, original);
      }
    }
  }

  /** The referrals that once had `name`, in build order. */
  named(name: string): readonly Referral[] {
    return this.#byPreviousName.get(name) ?? [];
  }

  /** True when a referral in `scope` was loaded in `namespace`. */
  hasOriginalNamespace(scope: ReferralScope, namespace: string): boolean {
    const namespaces = this.#originalNamespaces;
    if (scope.everything) return namespaces.all.has(namespace);
    return (
      namespaces.clusterScoped.has(namespace) ||
      (namespaces.byNamespace.get(scope.namespace)?.has(namespace) ?? false) ||
      [...scope.subjectNamespaces].some((subjectNamespace) => namespaces.byWrittenNamespace.get(subjectNamespace)?.has(namespace) ?? false)
    );
  }
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, new Set([value]));
  else values.add(value);
}

/**
 * Which resources `referrer` may refer to, as kustomize's SubsetThatCouldBeReferencedByResource: anything for a
 * cluster-scoped referrer; else cluster-scoped resources, those in its namespace, and, for a RoleBinding,
 * those in the namespaces of its ServiceAccount subjects.
 */
export interface ReferralScope {
  readonly everything: boolean;
  /** The referrer's effective namespace. */
  readonly namespace: string;
  readonly subjectNamespaces: ReadonlySet<string>;
}

/** The scope of `referrer`; throws when a RoleBinding subject's namespace is not a string. */
export function scopeOf(referrer: Referral): ReferralScope {
  return { everything: referrer.clusterScoped, namespace: referrer.namespace, subjectNamespaces: roleBindingSubjectNamespaces(referrer) };
}

function inScope(scope: ReferralScope, candidate: Referral): boolean {
  return scope.everything || candidate.clusterScoped || candidate.namespace === scope.namespace || scope.subjectNamespaces.has(candidate.writtenNamespace);
}

/** The namespaces a RoleBinding's ServiceAccount subjects name; kustomize rejects a blank one. */
function roleBindingSubjectNamespaces(referrer: Referral): Set<string> {
  const namespaces = new Set<string>();
  if (referrer.id.kind !== 'RoleBinding') return namespaces;
  const subjects = getOwn(referrer.resource.object, 'subjects');
  if (!Array.isArray(subjects)) return namespaces;
  for (const subject of subjects) {
    if (!isJsonObject(subject)) continue;
    const namespace = getOwn(subject, 'namespace');
    if (namespace === undefined || getOwn(subject, 'kind') !== 'ServiceAccount') continue;
    if (typeof namespace !== 'string') {
      throw new KustomizeError(
        'invalid-resource',
        `Invalid Input: namespace is blank for resource "${idString(referrer.id)}"`,
        { field: 'subjects.namespace' },
        'give every ServiceAccount subject a namespace, or remove the namespace field',
      );
    }
    namespaces.add(namespace);
  }
  return namespaces;
}

/**
 * Which candidates a `name`/`namespace` map may mean, as kustomize's filterMapCandidatesByNamespace: those of the
 * scope loaded in `namespace` if there are any, else those now in it; all of them when the map has no namespace.
 */
export function namespaceFilter(index: ReferralIndex, scope: ReferralScope, namespace: string | undefined): (candidate: Referral) => boolean {
  if (namespace === undefined) return () => true;
  if (index.hasOriginalNamespace(scope, namespace)) return (candidate) => candidate.originalNamespace === namespace;
  return (candidate) => !candidate.clusterScoped && candidate.namespace === namespace;
}

/** How a referrer field reads a reference, for narrowing candidates. */
export interface ReferenceContext {
  readonly index: ReferralIndex;
  readonly referrer: Referral;
  readonly scope: ReferralScope;
  /** The kind the field refers to (a nameReference entry's group/version/kind). */
  readonly target: Partial<Gvk>;
  /** The field spec path being updated. */
  readonly path: string;
}

/** Several resources could be the one a reference names, and they differ. */
export class AmbiguousReferralError extends Error {
  override readonly name = 'AmbiguousReferralError';
}

/**
 * The resource a reference named `oldName` meant, as kustomize's selectReferral: candidates in the referrer's
 * scope (and passing `filter`) whose previous names include `oldName` and whose previous kinds are the target's
 * (and a roleRef's kind), in the referrer's namespace unless cluster-scoped or ServiceAccounts; several are
 * narrowed by equal prefixes and suffixes. Undefined when none matches; throws when several differ by `identical`.
 */
export function selectReferral(
  oldName: string,
  context: ReferenceContext,
  filter: (candidate: Referral) => boolean,
  identical: (referrals: readonly Referral[]) => boolean,
): Referral | undefined {
  const roleRef = context.path.endsWith('roleRef/name') ? roleRefGvk(context.referrer.resource) : undefined;
  const referrer = context.referrer;
  let found = context.index.named(oldName).filter(
    (c) =>
      inScope(context.scope, c) &&
      filter(c) &&
      c.previousIds.some((id) => gvkSelectedBy(id, context.target)) &&
      (roleRef === undefined || c.previousIds.some((id) => gvkSelectedBy(id, roleRef))) &&
      (referrer.clusterScoped || c.clusterScoped || c.id.kind === 'ServiceAccount' || c.namespace === referrer.namespace),
  );
  if (found.length === 1) return found[0];
  found = found.filter((c) => affixesMatch(c.resource, referrer.resource, true));
  if (found.length > 1) found = found.filter((c) => affixesMatch(c.resource, referrer.resource, false));
  if (found.length <= 1) return found[0];
  if (identical(found)) return found[0];
  throw new AmbiguousReferralError(`found multiple possible referrals: ${found.map((c) => idString(c.id)).join(', ')}`);
}

/** True when all have the same name. */
export function sameNames(referrals: readonly Referral[]): boolean {
  return referrals.every((r) => nameOf(r.resource) === nameOf(referrals[0]!.resource));
}

/** True when all have the same name and namespace. */
export function sameNamesAndNamespaces(referrals: readonly Referral[]): boolean {
  return sameNames(referrals) && referrals.every((r) => namespaceOf(r.resource) === namespaceOf(referrals[0]!.resource));
}

/** The group and kind a RoleBinding's roleRef names; undefined (no narrowing) when it lacks one. */
function roleRefGvk(referrer: Resource): Partial<Gvk> | undefined {
  const roleRef = getOwn(referrer.object, 'roleRef');
  if (!isJsonObject(roleRef)) return undefined;
  const apiGroup = getOwn(roleRef, 'apiGroup');
  const kind = getOwn(roleRef, 'kind');
  if (apiGroup === undefined || apiGroup === null || kind === undefined || kind === null) return undefined;
  return { group: scalarOrEmpty(apiGroup), kind: scalarOrEmpty(kind) };
}

function scalarOrEmpty(value: JsonValue): string {
  return typeof value === 'object' ? '' : String(value);
}

/**
 * Kustomize's PrefixesSuffixesEquals: the shorter prefix (and suffix) list ends the longer one; with
 * `allowEmpty`, a resource without prefixes (or suffixes) matches any.
 */
function affixesMatch(candidate: Resource, referrer: Resource, allowEmpty: boolean): boolean {
  const matches = (a: readonly string[], b: readonly string[]): boolean => (allowEmpty && (a.length === 0 || b.length === 0)) || sameEnding(a, b);
  return matches(candidate.prefixes, referrer.prefixes) && matches(candidate.suffixes, referrer.suffixes);
}

function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length === 0) return longer.length === 0;
  const offset = longer.length - shorter.length;
  return shorter.every((item, i) => longer[i + offset] === item);
}

