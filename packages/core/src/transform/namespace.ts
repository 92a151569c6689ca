import { KustomizeError } from '../errors.js';
import { getOwn, isJsonObject, withKey, type JsonObject, type JsonValue } from '../json.js';
import { idKey, idString, isClusterScopedGvk } from '../resource/id.js';
import { currentId, gvkOf, rememberCurrentId, withObject, type Resource } from '../resource/resource.js';
import { applyFieldSpec, type FieldSetter, type FieldSpec } from './fieldspec.js';
import { assertNodeKind, nodeKindOf, scalarText, WrongNodeKindError } from './node-kind.js';

/**
 * Which subjects of RoleBindings and ClusterRoleBindings get the namespace: those named `default`
 * (kustomize's default), every ServiceAccount subject, or none.
 */
export type RoleBindingSubjectMode = 'defaultOnly' | 'allServiceAccounts' | 'none';

/** The configuration of kustomize's NamespaceTransformer. */
export interface NamespaceTransformerConfig {
  /** The namespace to set; when empty, nothing changes. */
  readonly namespace: string;
  /** Fields besides `metadata/namespace` that hold the namespace (TransformerConfig `namespace`). */
  readonly fieldSpecs: readonly FieldSpec[];
  /** Only set namespace fields that are missing, null or empty. */
  readonly unsetOnly?: boolean;
  /** Defaults to `defaultOnly`. */
  readonly setRoleBindingSubjects?: RoleBindingSubjectMode;
}

const roleBindingSubjectModes: readonly RoleBindingSubjectMode[] = ['defaultOnly', 'allServiceAccounts', 'none'];

/**
 * Reads a `setRoleBindingSubjects` value from a NamespaceTransformer config: empty means `defaultOnly`;
 * anything but the three modes is an error, worded as kustomize's.
 */
export function parseRoleBindingSubjectMode(value: string): RoleBindingSubjectMode {
  if (value === '') return 'defaultOnly';
  const mode = roleBindingSubjectModes.find((candidate) => candidate === value);
  if (mode !== undefined) return mode;
  throw new KustomizeError(
    'invalid-kustomization',
    `invalid value "${value}" for setRoleBindingSubjects: must be one of "defaultOnly", "none" or "allServiceAccounts"`,
    { field: 'setRoleBindingSubjects' },
    'use defaultOnly, none or allServiceAccounts',
  );
}

/**
 * Sets the namespace of every namespaced resource (`metadata/namespace`, created where missing) and of the
 * fields `fieldSpecs` names, as kustomize's NamespaceTransformer. Cluster-scoped kinds keep no namespace;
 * a `metadata/name` spec only renames objects of apiVersion `v1` (Namespaces); RoleBinding and
 * ClusterRoleBinding subjects follow `setRoleBindingSubjects` instead of field specs for `subjects/namespace`.
 * Every non-empty resource has its current id stored as a previous id, as kustomize does. Resources rendered
 * from a Helm chart by kustomize v5.8 or later (`fromHelmChart`) are left alone.
 * Throws when two resources end up with the same id.
 */
export function transformNamespace(resources: readonly Resource[], config: NamespaceTransformerConfig): Resource[] {
  if (config.namespace === '') return [...resources];
  const setNamespace = namespaceSetter(config.namespace, config.unsetOnly === true);
  const mode = config.setRoleBindingSubjects ?? 'defaultOnly';
  const idCounts = new Map<string, number>();
  const countId = (resource: Resource, delta: number): number => {
    const key = idKey(currentId(resource));
    const count = (idCounts.get(key) ?? 0) + delta;
    idCounts.set(key, count);
    return count;
  };
  for (const resource of resources) countId(resource, 1);
  const out = [...resources];
  out.forEach((resource, index) => {
    if (Object.keys(resource.object).length === 0) return;
    // Helm set the namespace of what it rendered (marked only by releases that leave it so).
    if (resource.fromHelmChart === true) return;
    const remembered = rememberCurrentId(resource);
    const transformed = withObject(remembered, namespaceObject(resource.object, config.fieldSpecs, setNamespace, mode));
    out[index] = transformed;
    countId(resource, -1);
    if (countId(transformed, 1) !== 1) {
      const conflicting = out.filter((other) => idKey(currentId(other)) === idKey(currentId(transformed)));
      throw new KustomizeError(
        'duplicate-id',
        `namespace transformation produces ID conflict: [${conflicting.map((other) => JSON.stringify(other.object)).join(' ')}]`,
        { field: 'metadata.namespace' },
        `more than one resource is ${idString(currentId(transformed))} in namespace ${config.namespace}; rename one of them`,
      );
    }
  });
  return out;
}

function namespaceSetter(namespace: string, unsetOnly: boolean): FieldSetter {
  return (value) => {
    if (unsetOnly && hasValue(value)) return value;
    assertNodeKind(value, 'ScalarNode');
    return namespace;
  };
}

/** As kustomize's hasExistingValue: a scalar that is not empty. */
function hasValue(value: JsonValue | undefined): value is JsonValue {
  return value !== undefined && value !== null && nodeKindOf(value) === 'ScalarNode' && scalarText(value) !== '';
}

function isRoleBindingKind(kind: string | undefined): boolean {
  return kind === 'RoleBinding' || kind === 'ClusterRoleBinding';
}

/** Where every namespaced object's namespace goes, created when missing. */
const metadataNamespace: FieldSpec = { path: 'metadata/namespace', create: true };

function namespaceObject(object: JsonObject, fieldSpecs: readonly FieldSpec[], setNamespace: FieldSetter, mode: RoleBindingSubjectMode): JsonObject {
  const gvk = gvkOf(object);
  const apiVersion = getOwn(object, 'apiVersion');
  // Kustomize never lets field specs touch metadata/namespace (cluster-scoped kinds would get one), and
  // renames only Namespaces of the core group, so other kinds called Namespace keep their names.
  let specs = fieldSpecs.filter((spec) => spec.path !== 'metadata/namespace' && (apiVersion === 'v1' || spec.path !== 'metadata/name'));
  let out = object;
  if (!isClusterScopedGvk(gvk)) out = applyFieldSpec(out, metadataNamespace, setNamespace);
  if (isRoleBindingKind(gvk.kind)) {
    specs = specs.filter((spec) => !(isRoleBindingKind(spec.kind) && spec.path === 'subjects/namespace'));
    out = setSubjectNamespaces(out, setNamespace, mode);
  }
  for (const spec of specs) {
    try {
      out = applyFieldSpec(out, spec, setNamespace);
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      const wrongKind = error.cause instanceof WrongNodeKindError && error.cause.actual !== 'ScalarNode';
      throw new KustomizeError(
        'transform-failed',
        `${wrongKind ? 'namespace field specs must target scalar nodes' : 'namespace transformation failed'}: ${error.message}`,
        error.location,
        wrongKind ? `namespace field specs must name a scalar field, such as '${spec.path}/namespace'` : error.hint,
        { cause: error },
      );
    }
  }
  return out;
}

/** Sets the namespace on the subjects of a (Cluster)RoleBinding that `mode` selects. */
function setSubjectNamespaces(object: JsonObject, setNamespace: FieldSetter, mode: RoleBindingSubjectMode): JsonObject {
  if (mode === 'none') return object;
  const subjects = getOwn(object, 'subjects');
  if (subjects === undefined || subjects === null) return object;
  if (!Array.isArray(subjects)) {
    throw subjectError(`setting namespace on (cluster)role binding subjects: ${new WrongNodeKindError('SequenceNode', nodeKindOf(subjects)).message}`);
  }
  const [selectorField, selectorValue] = mode === 'defaultOnly' ? ['name', 'default'] : ['kind', 'ServiceAccount'];
  let changed = false;
  const updated = subjects.map((subject) => {
    if (subject === null) return subject;
    if (!isJsonObject(subject)) {
      throw subjectError(`looking up ${selectorField} on (cluster)role binding subject: ${new WrongNodeKindError('MappingNode', nodeKindOf(subject)).message}`);
    }
    const selector = getOwn(subject, selectorField);
    if (selector === undefined || selector === null) return subject;
    if (nodeKindOf(selector) !== 'ScalarNode') {
      throw subjectError(`looking up ${selectorField} on (cluster)role binding subject: ${new WrongNodeKindError('ScalarNode', nodeKindOf(selector)).message}`);
    }
    if (scalarText(selector) !== selectorValue) return subject;
    let namespace: JsonValue | undefined;
    try {
      namespace = setNamespace(getOwn(subject, 'namespace') ?? '', { path: ['subjects', 'namespace'] });
    } catch (error) {
      throw subjectError(`setting namespace field on (cluster)role binding subject: ${(error as Error).message}`);
    }
    if (namespace === undefined || namespace === getOwn(subject, 'namespace')) return subject;
    changed = true;
    return withKey(subject, 'namespace', namespace);
  });
  return changed ? withKey(object, 'subjects', updated) : object;
}

function subjectError(message: string): KustomizeError {
  return new KustomizeError('transform-failed', message, { field: 'subjects' }, 'subjects must be a list of maps with scalar name, kind and namespace');
}
