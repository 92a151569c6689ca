import { KustomizeError } from '../../errors.js';
import type { JsonObject, JsonValue } from '../../json.js';
import { decodeObject } from '../../kustomization/decode.js';
import type { ObjectShape } from '../../kustomization/schema.js';
import { gvkSelectedBy, type Gvk } from '../../resource/id.js';
import type { FieldSpec } from '../fieldspec.js';
import { commonAnnotationFieldSpecs } from './common-annotations.js';
import { commonLabelFieldSpecs } from './common-labels.js';
import { imageFieldSpecs, imageVolumeFieldSpecs } from './images.js';
import { namePrefixFieldSpecs } from './name-prefix.js';
import { nameReferenceFieldSpecs } from './name-reference.js';
import { nameSuffixFieldSpecs } from './name-suffix.js';
import { namespaceFieldSpecs } from './namespace.js';
import { replicaFieldSpecs } from './replicas.js';
import { templateLabelFieldSpecs } from './template-labels.js';
import { varReferenceFieldSpecs } from './var-reference.js';

/**
 * A kind that can be referred to by name (the referral; empty fields match anything) and the fields
 * of other kinds that hold such names (the referrers). Kustomize's NameBackReferences.
 */
export interface NameBackReferences {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly fieldSpecs: readonly FieldSpec[];
}

/**
 * Where each builtin transformer acts: kustomize's TransformerConfig, with the field names of a
 * `configurations:` file. `labels` holds the extra field specs every `labels:` entry uses.
 */
export interface TransformerConfig {
  readonly namePrefix: readonly FieldSpec[];
  readonly nameSuffix: readonly FieldSpec[];
  readonly namespace: readonly FieldSpec[];
  readonly commonLabels: readonly FieldSpec[];
  readonly labels: readonly FieldSpec[];
  readonly templateLabels: readonly FieldSpec[];
  readonly commonAnnotations: readonly FieldSpec[];
  readonly nameReference: readonly NameBackReferences[];
  readonly varReference: readonly FieldSpec[];
  readonly images: readonly FieldSpec[];
  readonly replicas: readonly FieldSpec[];
}

type FieldSpecListKey = Exclude<keyof TransformerConfig, 'nameReference'>;

/** A config built list by list, in the order kustomize merges them (which decides which error comes first). */
function configOf(list: (key: FieldSpecListKey) => readonly FieldSpec[], nameReference: () => readonly NameBackReferences[]): TransformerConfig {
  return {
    namePrefix: list('namePrefix'),
    nameSuffix: list('nameSuffix'),
    namespace: list('namespace'),
    commonAnnotations: list('commonAnnotations'),
    commonLabels: list('commonLabels'),
    labels: list('labels'),
    templateLabels: list('templateLabels'),
    varReference: list('varReference'),
    nameReference: nameReference(),
    images: list('images'),
    replicas: list('replicas'),
  };
}

/** A config with no field specs at all: what kustomize's accumulator starts from. */
export const emptyTransformerConfig: TransformerConfig = {
  namePrefix: [],
  nameSuffix: [],
  namespace: [],
  commonLabels: [],
  labels: [],
  templateLabels: [],
  commonAnnotations: [],
  nameReference: [],
  varReference: [],
  images: [],
  replicas: [],
};

/**
 * `a` with the field specs of `b` added, as kustomize's TransformerConfig.Merge: a spec already covered
 * (same path, and `a`'s entry is selected by the incoming group/version/kind) is skipped; name-reference
 * entries of the same referral kind pool their referrers. Every list is then sorted by kind.
 * Throws when a spec is covered by one that differs in `create`.
 */
export function mergeTransformerConfig(a: TransformerConfig, b: TransformerConfig): TransformerConfig {
  return sortTransformerConfig(
    configOf(
      (key) => mergeFieldSpecList(a[key], b[key], `failed to merge ${goFieldName(key)} fieldSpec`),
      () => mergeNameReferences(a.nameReference, b.nameReference),
    ),
  );
}

/**
 * `list` with each of `incoming` added unless already covered, as kustomize's FsSlice.MergeAll.
 * `context` prefixes the error when an incoming spec conflicts with a covered one.
 */
export function mergeFieldSpecList(list: readonly FieldSpec[], incoming: readonly FieldSpec[], context?: string): FieldSpec[] {
  const out = [...list];
  for (const spec of incoming) {
    const existing = out.find((candidate) => candidate.path === spec.path && gvkSelectedBy(gvkOfSpec(candidate), spec));
    if (existing === undefined) out.push(spec);
    else if ((existing.create === true) !== (spec.create === true)) {
      throw new KustomizeError(
        'invalid-kustomization',
        `${context ? `${context}: ` : ''}conflicting fieldspecs`,
        {},
        `the field spec for path '${spec.path}'${spec.kind ? ` of kind ${spec.kind}` : ''} is given with and without create: true; give it one value`,
      );
    }
  }
  return out;
}

function mergeNameReferences(list: readonly NameBackReferences[], incoming: readonly NameBackReferences[]): NameBackReferences[] {
  let out = [...list];
  for (const reference of incoming) {
    let found = false;
    out = out.map((existing) => {
      if (!sameGvk(existing, reference)) return existing;
      found = true;
      return { ...existing, fieldSpecs: mergeFieldSpecList(existing.fieldSpecs, reference.fieldSpecs, 'failed to merge NameReference fieldSpec') };
    });
    if (!found) out.push(reference);
  }
  return out;
}

function sameGvk(a: Partial<Gvk>, b: Partial<Gvk>): boolean {
  return (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '') && (a.kind ?? '') === (b.kind ?? '');
}

function gvkOfSpec(spec: Partial<Gvk>): Gvk {
  return { group: spec.group ?? '', version: spec.version ?? '', kind: spec.kind ?? '' };
}

function goFieldName(key: FieldSpecListKey): string {
  return key === 'namespace' ? 'NameSpace' : key[0]!.toUpperCase() + key.slice(1);
}

/**
 * Kinds kustomize orders first and last (resid's typeOrders); it sorts config lists by this, then by
 * group, version and kind. Kustomize's sort is not stable; ours keeps equal entries in order.
 */
const kindsFirst = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const kindsLast = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function kindRank(kind: string): number {
  const first = kindsFirst.indexOf(kind);
  if (first >= 0) return first - kindsFirst.length;
  const last = kindsLast.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

function stableSortKey(gvk: Partial<Gvk>): string {
  return `${gvk.group || '~G'}_${gvk.version || '~V'}_${gvk.kind || '~K'}`;
}

function compareGvk(a: Partial<Gvk>, b: Partial<Gvk>): number {
  const rank = kindRank(a.kind ?? '') - kindRank(b.kind ?? '');
  if (rank !== 0) return rank;
  const keyA = stableSortKey(a);
  const keyB = stableSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function sortTransformerConfig(config: TransformerConfig): TransformerConfig {
  return configOf(
    (key) => [...config[key]].sort(compareGvk),
    () => [...config.nameReference].sort(compareGvk),
  );
}

const fieldSpecShape: ObjectShape = { group: 'string', version: 'string', kind: 'string', path: 'string', create: 'bool' };
const fieldSpecList = { list: { object: fieldSpecShape } } as const;
const transformerConfigShape: ObjectShape = {
  namePrefix: fieldSpecList,
  nameSuffix: fieldSpecList,
  namespace: fieldSpecList,
  commonLabels: fieldSpecList,
  labels: fieldSpecList,
  templateLabels: fieldSpecList,
  commonAnnotations: fieldSpecList,
  nameReference: { list: { object: { group: 'string', version: 'string', kind: 'string', fieldSpecs: fieldSpecList } } },
  varReference: fieldSpecList,
  images: fieldSpecList,
  replicas: fieldSpecList,
};

/**
 * Reads a `configurations:` file (already parsed from YAML) into a TransformerConfig, sorted as kustomize
 * sorts it. Unknown fields and values of the wrong type are errors naming the field; `file` is for them.
 */
export function parseTransformerConfig(document: JsonValue, file: string): TransformerConfig {
  const decoded = decodeObject(document ?? {}, transformerConfigShape, 'TransformerConfig', file);
  const fieldSpecs = (value: JsonValue | undefined): FieldSpec[] => (Array.isArray(value) ? value.map((item) => toFieldSpec(item as JsonObject)) : []);
  const references = decoded['nameReference'];
  return sortTransformerConfig(
    configOf(
      (key) => fieldSpecs(decoded[key]),
      () => (Array.isArray(references) ? references.map((item) => ({ ...gvkFields(item as JsonObject), fieldSpecs: fieldSpecs((item as JsonObject)['fieldSpecs']) })) : []),
    ),
  );
}

function gvkFields(entry: JsonObject): Partial<Gvk> {
  const out: { group?: string; version?: string; kind?: string } = {};
  for (const key of ['group', 'version', 'kind'] as const) {
    const value = entry[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

function toFieldSpec(entry: JsonObject): FieldSpec {
  const path = entry['path'];
  return { ...gvkFields(entry), path: typeof path === 'string' ? path : '', ...(entry['create'] === true ? { create: true } : {}) };
}

/** Kustomize v5.5.0's builtin config, sorted as kustomize sorts it after parsing. */
export const defaultTransformerConfig: TransformerConfig = sortTransformerConfig({
  namePrefix: namePrefixFieldSpecs,
  nameSuffix: nameSuffixFieldSpecs,
  namespace: namespaceFieldSpecs,
  commonLabels: commonLabelFieldSpecs,
  labels: [],
  templateLabels: templateLabelFieldSpecs,
  commonAnnotations: commonAnnotationFieldSpecs,
  nameReference: nameReferenceFieldSpecs,
  varReference: varReferenceFieldSpecs,
  images: imageFieldSpecs,
  replicas: replicaFieldSpecs,
});

/** The builtin config from kustomize v5.7, whose `images` also covers image volumes. */
export const imageVolumesTransformerConfig: TransformerConfig = sortTransformerConfig({ ...defaultTransformerConfig, images: [...imageFieldSpecs, ...imageVolumeFieldSpecs] });
