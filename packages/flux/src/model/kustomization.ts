import type { JsonObject } from '@kustomize-ts/core';
import { Durations, parseGoDuration, type GoDuration } from '../duration.js';
import { FieldReader, optional, readObjectMeta, readTypeMeta, throwFirst, type FieldIssue, type ObjectMeta, type ReadOptions } from './fields.js';

/** `kustomize.toolkit.fluxcd.io/v1`, the API version of {@link FluxKustomization}. */
export const kustomizationApiVersion = 'kustomize.toolkit.fluxcd.io/v1';

/** A reference to an object of a kind, as in `spec.healthChecks`. */
export interface NamespacedObjectKindReference {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** The source a Kustomization builds from (`spec.sourceRef`). */
export interface CrossNamespaceSourceReference {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** A Kustomization this one waits for (`spec.dependsOn`). */
export interface DependencyReference {
  readonly name: string;
  readonly namespace?: string;
  readonly readyExpr?: string;
}

/** A ConfigMap or Secret whose data are substitution variables (`spec.postBuild.substituteFrom`). */
export interface SubstituteReference {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly optional?: boolean;
}

/** `spec.postBuild`. */
export interface PostBuild {
  readonly substituteStrategy?: 'WithVariables' | 'Always';
  readonly substitute?: Readonly<Record<string, string>>;
  readonly substituteFrom?: readonly SubstituteReference[];
}

/** Which objects a patch targets. */
export interface Selector {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly annotationSelector?: string;
  readonly labelSelector?: string;
}

/** An inline patch of `spec.patches`. */
export interface FluxPatch {
  readonly patch: string;
  readonly target?: Selector;
}

/** An image override of `spec.images`. */
export interface FluxImage {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
}

/** `spec.commonMetadata`. */
export interface CommonMetadata {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** `spec.decryption`. */
export interface Decryption {
  readonly provider: string;
  readonly serviceAccountName?: string;
  readonly secretRef?: { readonly name: string };
}

/** The spec of a Flux Kustomization, as far as it can matter without a cluster. Durations are kept as written. */
export interface KustomizationSpec {
  readonly interval: string;
  readonly retryInterval?: string;
  readonly timeout?: string;
  readonly path?: string;
  readonly prune: boolean;
  readonly wait?: boolean;
  readonly force?: boolean;
  readonly suspend?: boolean;
  readonly sourceRef: CrossNamespaceSourceReference;
  readonly targetNamespace?: string;
  readonly namePrefix?: string;
  readonly nameSuffix?: string;
  readonly dependsOn?: readonly DependencyReference[];
  readonly healthChecks?: readonly NamespacedObjectKindReference[];
  readonly patches?: readonly FluxPatch[];
  readonly images?: readonly FluxImage[];
  readonly components?: readonly string[];
  readonly ignoreMissingComponents?: boolean;
  readonly buildMetadata?: readonly ('originAnnotations' | 'transformerAnnotations')[];
  readonly commonMetadata?: CommonMetadata;
  readonly postBuild?: PostBuild;
  readonly decryption?: Decryption;
  readonly serviceAccountName?: string;
  readonly deletionPolicy?: string;
}

/** A `kustomize.toolkit.fluxcd.io/v1` Kustomization: the typed view and the object it was read from. */
export interface FluxKustomization {
  readonly metadata: ObjectMeta;
  readonly spec: KustomizationSpec;
  /** The object as given, status included. */
  readonly object: JsonObject;
}

const sourceKinds = ['OCIRepository', 'GitRepository', 'Bucket', 'ExternalArtifact'];

function readSelector(reader: FieldReader, value: JsonObject, field: string): Selector {
  const out: Record<string, string> = {};
  for (const key of ['group', 'version', 'kind', 'namespace', 'name', 'annotationSelector', 'labelSelector']) {
    const read = reader.string(value, key, `${field}.${key}`);
    if (read !== undefined) out[key] = read;
  }
  return out;
}

function readSpec(reader: FieldReader, spec: JsonObject): KustomizationSpec {
  const f = (name: string) => `spec.${name}`;
  const sourceRefObject = reader.object(spec, 'sourceRef', f('sourceRef'), true) ?? {};
  const sourceRef: CrossNamespaceSourceReference = {
    ...optional('apiVersion', reader.string(sourceRefObject, 'apiVersion', f('sourceRef.apiVersion'))),
    kind: reader.string(sourceRefObject, 'kind', f('sourceRef.kind'), { required: true, enum: sourceKinds }) ?? '',
    name: reader.string(sourceRefObject, 'name', f('sourceRef.name'), { required: true }) ?? '',
    ...optional('namespace', reader.string(sourceRefObject, 'namespace', f('sourceRef.namespace'))),
  };
  const postBuildObject = reader.object(spec, 'postBuild', f('postBuild'));
  const postBuild: PostBuild | undefined = postBuildObject && {
    ...optional(
      'substituteStrategy',
      reader.string(postBuildObject, 'substituteStrategy', f('postBuild.substituteStrategy'), { enum: ['WithVariables', 'Always'] }) as PostBuild['substituteStrategy'],
    ),
    ...optional('substitute', reader.stringMap(postBuildObject, 'substitute', f('postBuild.substitute'))),
    ...optional(
      'substituteFrom',
      reader.objects(postBuildObject, 'substituteFrom', f('postBuild.substituteFrom'), (ref, field) => ({
        kind: (reader.string(ref, 'kind', `${field}.kind`, { required: true, enum: ['Secret', 'ConfigMap'] }) ?? 'ConfigMap') as SubstituteReference['kind'],
        name: reader.string(ref, 'name', `${field}.name`, { required: true, minLength: 1, maxLength: 253 }) ?? '',
        ...optional('optional', reader.boolean(ref, 'optional', `${field}.optional`)),
      })),
    ),
  };
  const commonMetadataObject = reader.object(spec, 'commonMetadata', f('commonMetadata'));
  const decryptionObject = reader.object(spec, 'decryption', f('decryption'));
  const decryptionSecret = decryptionObject && reader.object(decryptionObject, 'secretRef', f('decryption.secretRef'));
  return {
    interval: reader.duration(spec, 'interval', f('interval'), true) ?? '',
    ...optional('retryInterval', reader.duration(spec, 'retryInterval', f('retryInterval'))),
    ...optional('timeout', reader.duration(spec, 'timeout', f('timeout'))),
    ...optional('path', reader.string(spec, 'path', f('path'))),
    prune: reader.boolean(spec, 'prune', f('prune'), true) ?? false,
    ...optional('wait', reader.boolean(spec, 'wait', f('wait'))),
    ...optional('force', reader.boolean(spec, 'force', f('force'))),
    ...optional('suspend', reader.boolean(spec, 'suspend', f('suspend'))),
    sourceRef,
    ...optional('targetNamespace', reader.string(spec, 'targetNamespace', f('targetNamespace'), { minLength: 1, maxLength: 63 })),
    ...optional('namePrefix', reader.string(spec, 'namePrefix', f('namePrefix'), { minLength: 1, maxLength: 200 })),
    ...optional('nameSuffix', reader.string(spec, 'nameSuffix', f('nameSuffix'), { minLength: 1, maxLength: 200 })),
    ...optional(
      'dependsOn',
      reader.objects(spec, 'dependsOn', f('dependsOn'), (ref, field) => ({
        name: reader.string(ref, 'name', `${field}.name`, { required: true }) ?? '',
        ...optional('namespace', reader.string(ref, 'namespace', `${field}.namespace`)),
        ...optional('readyExpr', reader.string(ref, 'readyExpr', `${field}.readyExpr`)),
      })),
    ),
    ...optional(
      'healthChecks',
      reader.objects(spec, 'healthChecks', f('healthChecks'), (ref, field) => ({
        ...optional('apiVersion', reader.string(ref, 'apiVersion', `${field}.apiVersion`)),
        kind: reader.string(ref, 'kind', `${field}.kind`, { required: true }) ?? '',
        name: reader.string(ref, 'name', `${field}.name`, { required: true }) ?? '',
        ...optional('namespace', reader.string(ref, 'namespace', `${field}.namespace`)),
      })),
    ),
    ...optional(
      'patches',
      reader.objects(spec, 'patches', f('patches'), (patch, field) => {
        const target = reader.object(patch, 'target', `${field}.target`);
        return {
          patch: reader.string(patch, 'patch', `${field}.patch`, { required: true }) ?? '',
          ...optional('target', target && readSelector(reader, target, `${field}.target`)),
        };
      }),
    ),
    ...optional(
      'images',
      reader.objects(spec, 'images', f('images'), (image, field) => ({
        name: reader.string(image, 'name', `${field}.name`, { required: true }) ?? '',
        ...optional('newName', reader.string(image, 'newName', `${field}.newName`)),
        ...optional('newTag', reader.string(image, 'newTag', `${field}.newTag`)),
        ...optional('digest', reader.string(image, 'digest', `${field}.digest`)),
      })),
    ),
    ...optional('components', reader.strings(spec, 'components', f('components'))),
    ...optional('ignoreMissingComponents', reader.boolean(spec, 'ignoreMissingComponents', f('ignoreMissingComponents'))),
    ...optional(
      'buildMetadata',
      reader.strings(spec, 'buildMetadata', f('buildMetadata'), { enum: ['originAnnotations', 'transformerAnnotations'] }) as KustomizationSpec['buildMetadata'],
    ),
    ...optional(
      'commonMetadata',
      commonMetadataObject && {
        ...optional('labels', reader.stringMap(commonMetadataObject, 'labels', f('commonMetadata.labels'))),
        ...optional('annotations', reader.stringMap(commonMetadataObject, 'annotations', f('commonMetadata.annotations'))),
      },
    ),
    ...optional('postBuild', postBuild),
    ...optional(
      'decryption',
      decryptionObject && {
        provider: reader.string(decryptionObject, 'provider', f('decryption.provider'), { required: true, enum: ['sops'] }) ?? '',
        ...optional('serviceAccountName', reader.string(decryptionObject, 'serviceAccountName', f('decryption.serviceAccountName'))),
        ...optional('secretRef', decryptionSecret && { name: reader.string(decryptionSecret, 'name', f('decryption.secretRef.name'), { required: true }) ?? '' }),
      },
    ),
    ...optional('serviceAccountName', reader.string(spec, 'serviceAccountName', f('serviceAccountName'))),
    ...optional(
      'deletionPolicy',
      reader.string(spec, 'deletionPolicy', f('deletionPolicy'), { enum: ['MirrorPrune', 'Delete', 'WaitForTermination', 'Orphan'] }),
    ),
  };
}

/** Every problem in `object` as a Flux Kustomization, decode and schema problems alike, in field order. */
export function validateKustomization(object: JsonObject): FieldIssue[] {
  return read(object).issues;
}

function read(object: JsonObject): { kustomization: FluxKustomization; issues: FieldIssue[] } {
  const reader = new FieldReader();
  readTypeMeta(reader, object, kustomizationApiVersion, 'Kustomization');
  const metadata = readObjectMeta(reader, object);
  const spec = readSpec(reader, reader.object(object, 'spec', 'spec', true) ?? {});
  return { kustomization: { metadata, spec, object }, issues: reader.issues };
}

/**
 * Reads a Flux Kustomization from plain JSON.
 *
 * @throws KustomizeError `invalid-resource` naming the first offending field.
 */
export function readKustomization(object: JsonObject, options: ReadOptions = {}): FluxKustomization {
  const { kustomization, issues } = read(object);
  throwFirst(issues, options, 'Kustomization');
  return kustomization;
}

const thirtySeconds = 30n * Durations.second;

/**
 * The timeout Flux uses for validation, apply and health checks: `spec.timeout`, else the interval less
 * 30 seconds, never below 30 seconds (kustomize-controller's `GetTimeout`).
 */
export function kustomizationTimeout(spec: KustomizationSpec): GoDuration {
  const interval = spec.interval === '' ? 0n : parseGoDuration(spec.interval);
  const duration = spec.timeout !== undefined ? parseGoDuration(spec.timeout) : interval - thirtySeconds;
  return duration < thirtySeconds ? thirtySeconds : duration;
}
