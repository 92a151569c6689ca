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
}

/** The referral view of each resource. */
export function referralsOf(resources: readonly Resource[]): Referral[] {
  return resources.map((resource, index) => ({
    index,
    resource,
    id: currentId(resource),
    originalId: originalId(resource),
    previousIds: previousIdsOf(resource),
  }));
}

/**
 * The resources `referrer` may refer to, as kustomize's SubsetThatCouldBeReferencedByResource: anything for a
 * cluster-scoped referrer; else cluster-scoped resources, those in its namespace, and, for a RoleBinding,
 * those in the namespaces of its ServiceAccount subjects.
 */
export function possibleReferrals(referrer: Referral, all: readonly Referral[]): Referral[] {
  if (isClusterScopedGvk(referrer.id)) return [...all];
  const subjectNamespaces = roleBindingSubjectNamespaces(referrer);
  const referrerNamespace = effectiveNamespace(referrer.id);
  return all.filter(
    (target) =>
      isClusterScopedGvk(target.id) ||
      effectiveNamespace(target.id) === referrerNamespace ||
      subjectNamespaces.has(namespaceOf(target.resource)),
  );
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

/** The candidates to match a `name`/`namespace` map against, as kustomize's filterMapCandidatesByNamespace. */
export function referralsInNamespace(candidates: readonly Referral[], namespace: string | undefined): Referral[] {
  if (namespace === undefined) return [...candidates];
  const byOriginal = candidates.filter((c) => !isClusterScopedGvk(c.originalId) && effectiveNamespace(c.originalId) === namespace);
  if (byOriginal.length > 0) return byOriginal;
  return candidates.filter((c) => !isClusterScopedGvk(c.id) && effectiveNamespace(c.id) === namespace);
}

/** How a referrer field reads a reference, for narrowing candidates. */
export interface ReferenceContext {
  readonly referrer: Referral;
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
 * The resource a reference named `oldName` meant, as kustomize's selectReferral: candidates whose previous
 * names include `oldName` and whose previous kinds are the target's (and a roleRef's kind), in the referrer's
 * namespace unless cluster-scoped or ServiceAccounts; several are narrowed by equal prefixes and suffixes.
 * Undefined when none matches; throws when several differ by `identical`.
 */
export function selectReferral(
  oldName: string,
  candidates: readonly Referral[],
  context: ReferenceContext,
  identical: (referrals: readonly Referral[]) => boolean,
): Referral | undefined {
  const roleRef = context.path.endsWith('roleRef/name') ? roleRefGvk(context.referrer.resource) : undefined;
  const referrerId = context.referrer.id;
  let found = candidates.filter(
    (c) =>
      c.previousIds.some((id) => id.name === oldName) &&
      c.previousIds.some((id) => gvkSelectedBy(id, context.target)) &&
      (roleRef === undefined || c.previousIds.some((id) => gvkSelectedBy(id, roleRef))) &&
      (isClusterScopedGvk(referrerId) ||
        isClusterScopedGvk(c.id) ||
        c.id.kind === 'ServiceAccount' ||
        effectiveNamespace(c.id) === effectiveNamespace(referrerId)),
  );
  if (found.length === 1) return found[0];
  const referrer = context.referrer.resource;
  found = found.filter((c) => affixesMatch(c.resource, referrer, true));
  if (found.length > 1) found = found.filter((c) => affixesMatch(c.resource, referrer, false));
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

