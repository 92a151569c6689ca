import { getOwn, type JsonObject, type JsonValue } from '@kustomize-ts/core';
import { formatGoDuration, parseGoDuration } from '../duration.js';
import type { ObjectMeta } from '../model/fields.js';
import { gitRepositoryApiVersion, type GitRepository } from '../model/gitrepository.js';
import { kustomizationApiVersion, type FluxKustomization, type Selector } from '../model/kustomization.js';

/**
 * What `flux export kustomization|source git` prints for an object read from the cluster: the typed Go
 * object marshalled again, so only known fields survive, empty optional ones vanish (`omitempty`),
 * durations print as Go prints them (`5m` → `5m0s`) and CRD defaults the API server applied are present.
 */

type Entries = [string, JsonValue | undefined][];

/** An object of the entries whose value is set, as Go's `omitempty` writes a struct. */
function compact(entries: Entries): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const goDuration = (text: string | undefined) => (text === undefined ? undefined : formatGoDuration(parseGoDuration(text)));
const nonEmptyMap = (map: Readonly<Record<string, string>> | undefined): JsonObject | undefined =>
  map && Object.keys(map).length > 0 ? { ...map } : undefined;

function exportMetadata(metadata: ObjectMeta): JsonObject {
  return compact([
    ['name', metadata.name],
    ['namespace', metadata.namespace],
    ['labels', nonEmptyMap(metadata.labels)],
    ['annotations', nonEmptyMap(metadata.annotations)],
  ]);
}

function selector(target: Selector): JsonObject {
  return compact(Object.entries(target));
}

/** A Kustomization as `flux export kustomization` prints it (before {@link printExport}). */
export function exportKustomization(kustomization: FluxKustomization): JsonObject {
  const { spec } = kustomization;
  const raw = getOwn(kustomization.object, 'spec') as JsonObject | undefined;
  const passThrough = (key: string) => (raw ? getOwn(raw, key) : undefined);
  const exported: Entries = [
    ['commonMetadata', spec.commonMetadata && compact([['annotations', nonEmptyMap(spec.commonMetadata.annotations)], ['labels', nonEmptyMap(spec.commonMetadata.labels)]])],
    ['dependsOn', spec.dependsOn?.map((ref) => compact([['name', ref.name], ['namespace', ref.namespace], ['readyExpr', ref.readyExpr]]))],
    [
      'decryption',
      spec.decryption &&
        compact([['provider', spec.decryption.provider], ['serviceAccountName', spec.decryption.serviceAccountName], ['secretRef', spec.decryption.secretRef && { name: spec.decryption.secretRef.name }]]),
    ],
    ['interval', goDuration(spec.interval)],
    ['retryInterval', goDuration(spec.retryInterval)],
    ['kubeConfig', passThrough('kubeConfig')],
    ['path', spec.path],
    [
      'postBuild',
      spec.postBuild &&
        compact([
          ['substituteStrategy', spec.postBuild.substituteStrategy],
          ['substitute', nonEmptyMap(spec.postBuild.substitute)],
          ['substituteFrom', spec.postBuild.substituteFrom?.map((ref) => compact([['kind', ref.kind], ['name', ref.name], ['optional', ref.optional]]))],
        ]),
    ],
    ['deletionPolicy', spec.deletionPolicy],
    ['healthChecks', spec.healthChecks?.map((ref) => compact([['apiVersion', ref.apiVersion], ['kind', ref.kind], ['name', ref.name], ['namespace', ref.namespace]]))],
    ['namePrefix', spec.namePrefix],
    ['nameSuffix', spec.nameSuffix],
    ['patches', spec.patches?.map((patch) => compact([['patch', patch.patch], ['target', patch.target && selector(patch.target)]]))],
    ['images', spec.images?.map((image) => compact([['name', image.name], ['newName', image.newName], ['newTag', image.newTag], ['digest', image.digest]]))],
    ['serviceAccountName', spec.serviceAccountName],
    ['suspend', spec.suspend],
    ['targetNamespace', spec.targetNamespace],
    ['timeout', goDuration(spec.timeout)],
    ['force', spec.force],
    ['wait', spec.wait],
    ['buildMetadata', spec.buildMetadata && [...spec.buildMetadata]],
    ['components', spec.components && [...spec.components]],
    ['ignoreMissingComponents', spec.ignoreMissingComponents],
    ['healthCheckExprs', passThrough('healthCheckExprs')],
    ['ignore', passThrough('ignore')],
  ];
  const required: JsonObject = {
    interval: goDuration(spec.interval) ?? '0s',
    prune: spec.prune,
    sourceRef: { ...compact([['apiVersion', spec.sourceRef.apiVersion], ['namespace', spec.sourceRef.namespace]]), kind: spec.sourceRef.kind, name: spec.sourceRef.name },
  };
  return { apiVersion: kustomizationApiVersion, kind: 'Kustomization', metadata: exportMetadata(kustomization.metadata), spec: { ...compact(exported), ...required } };
}

/** The CRD default of a GitRepository's `spec.timeout`, which the API server fills in. */
const defaultGitTimeout = '60s';

/** A GitRepository as `flux export source git` prints it, with the API server's default timeout. */
export function exportGitRepository(repository: GitRepository): JsonObject {
  const { spec } = repository;
  const fields: Entries = [
    ['url', spec.url],
    ['secretRef', spec.secretRef && { name: spec.secretRef.name }],
    ['provider', spec.provider],
    ['serviceAccountName', spec.serviceAccountName],
    ['interval', goDuration(spec.interval) ?? '0s'],
    ['timeout', goDuration(spec.timeout ?? defaultGitTimeout)],
    ['ref', spec.ref && compact(Object.entries(spec.ref))],
    ['verify', spec.verify && compact([['mode', spec.verify.mode ?? 'HEAD'], ['secretRef', { name: spec.verify.secretRef.name }]])],
    ['proxySecretRef', spec.proxySecretRef && { name: spec.proxySecretRef.name }],
    ['suspend', spec.suspend],
    ['recurseSubmodules', spec.recurseSubmodules],
    ['include', spec.include?.map((include) => compact([['repository', { name: include.repository.name }], ['fromPath', include.fromPath], ['toPath', include.toPath]]))],
    ['sparseCheckout', spec.sparseCheckout && [...spec.sparseCheckout]],
  ];
  const exported = compact(fields);
  // `ignore` is a pointer in Go: an empty string set on purpose is kept.
  if (spec.ignore !== undefined) exported.ignore = spec.ignore;
  return { apiVersion: gitRepositoryApiVersion, kind: 'GitRepository', metadata: exportMetadata(repository.metadata), spec: { ...exported, url: spec.url } };
}
