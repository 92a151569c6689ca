import { KustomizeError } from '../errors.js';
import { compareCodePoints } from '../json.js';
import { gvkEquals, gvkString, type Gvk, type ResourceId } from '../resource/id.js';
import { currentId, type Resource } from '../resource/resource.js';

/** `sortOptions` of a kustomization: `fifo` keeps input order; `legacy` sorts by kind. */
export interface SortOptions {
  readonly order?: string;
  readonly legacySortOptions?: { readonly orderFirst?: readonly string[]; readonly orderLast?: readonly string[] };
}

/** Kinds printed first by the legacy order, in this order. */
export const defaultOrderFirst: readonly string[] = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob',
  'PodDisruptionBudget',
];

/** Kinds printed last by the legacy order, in this order. */
export const defaultOrderLast: readonly string[] = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/**
 * The resources in the order `options` asks for, as kustomize's SortOrderTransformer: `fifo` leaves them
 * as they are; `legacy` orders by kind rank (orderFirst, then unlisted kinds, then orderLast), then by
 * group/version/kind, then by namespace and name.
 */
export function sortResources(resources: readonly Resource[], options: SortOptions, file?: string): Resource[] {
  const order = options.order ?? 'fifo';
  if (order !== 'fifo' && order !== 'legacy') {
    throw new KustomizeError('invalid-kustomization', `the field 'sortOptions.order' must be one of [fifo, legacy]`, { ...(file ? { file } : {}), field: 'sortOptions.order' });
  }
  if (order === 'fifo') {
    if (options.legacySortOptions !== undefined) {
      throw new KustomizeError('invalid-kustomization', `the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'`, { ...(file ? { file } : {}), field: 'sortOptions.legacySortOptions' });
    }
    return [...resources];
  }
  const first = options.legacySortOptions?.orderFirst ?? defaultOrderFirst;
  const last = options.legacySortOptions?.orderLast ?? defaultOrderLast;
  const rank = new Map<string, number>();
  first.forEach((kind, i) => rank.set(kind, -first.length + i));
  last.forEach((kind, i) => rank.set(kind, 1 + i));
  const keyed = resources.map((resource) => ({ resource, id: currentId(resource) }));
  keyed.sort((a, b) => compareIds(a.id, b.id, rank));
  return keyed.map((entry) => entry.resource);
}

function compareIds(a: ResourceId, b: ResourceId, rank: ReadonlyMap<string, number>): number {
  if (!gvkEquals(a, b)) {
    const ra = rank.get(a.kind) ?? 0;
    const rb = rank.get(b.kind) ?? 0;
    if (ra !== rb) return ra - rb;
    const ga = gvkSortString(a);
    const gb = gvkSortString(b);
    // kustomize reverses the order when one Namespace is of the core group, which puts the core one first.
    if (a.kind === 'Namespace' && b.kind === 'Namespace' && (a.group === '' || b.group === '')) return compareCodePoints(gb, ga);
    return compareCodePoints(ga, gb);
  }
  return compareCodePoints(idSortString(a), idSortString(b));
}

function gvkSortString(gvk: Gvk): string {
  return `${gvk.group || '~G'}_${gvk.version || '~V'}_${gvk.kind || '~K'}`;
}

function idSortString(id: ResourceId): string {
  return `${gvkString(id)}|${id.namespace || '~X'}|${id.name || '~N'}`;
}
