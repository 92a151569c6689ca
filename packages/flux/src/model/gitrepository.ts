import type { JsonObject } from '@kustomize-ts/core';
import { FieldReader, optional, readObjectMeta, readTypeMeta, throwFirst, type FieldIssue, type ObjectMeta, type ReadOptions } from './fields.js';

/** `source.toolkit.fluxcd.io/v1`, the API version of {@link GitRepository}. */
export const gitRepositoryApiVersion = 'source.toolkit.fluxcd.io/v1';

/** The Git providers a GitRepository may authenticate with, in the order the flux CLI lists them. */
export const gitProviders = ['generic', 'github', 'aws', 'azure'] as const;

/** `spec.ref`: what to check out. */
export interface GitRepositoryRef {
  readonly branch?: string;
  readonly tag?: string;
  readonly semver?: string;
  readonly name?: string;
  readonly commit?: string;
}

/** The spec of a GitRepository. Durations are kept as written. */
export interface GitRepositorySpec {
  readonly url: string;
  readonly interval: string;
  readonly timeout?: string;
  readonly ref?: GitRepositoryRef;
  readonly secretRef?: { readonly name: string };
  readonly proxySecretRef?: { readonly name: string };
  readonly provider?: string;
  readonly serviceAccountName?: string;
  readonly verify?: { readonly mode?: string; readonly secretRef: { readonly name: string } };
  readonly ignore?: string;
  readonly suspend?: boolean;
  readonly recurseSubmodules?: boolean;
  readonly include?: readonly { readonly repository: { readonly name: string }; readonly fromPath?: string; readonly toPath?: string }[];
  readonly sparseCheckout?: readonly string[];
}

/** A `source.toolkit.fluxcd.io/v1` GitRepository: the typed view and the object it was read from. */
export interface GitRepository {
  readonly metadata: ObjectMeta;
  readonly spec: GitRepositorySpec;
  readonly object: JsonObject;
}

/** The pattern of `spec.timeout` in the GitRepository CRD (no hours). */
const gitTimeoutPattern = /^([0-9]+(\.[0-9]+)?(ms|s|m))+$/;

function localRef(reader: FieldReader, parent: JsonObject, key: string, field: string, required = false): { name: string } | undefined {
  const ref = reader.object(parent, key, field, required);
  return ref && { name: reader.string(ref, 'name', `${field}.name`, { required: true }) ?? '' };
}

function read(object: JsonObject): { repository: GitRepository; issues: FieldIssue[] } {
  const reader = new FieldReader();
  readTypeMeta(reader, object, gitRepositoryApiVersion, 'GitRepository');
  const metadata = readObjectMeta(reader, object);
  const spec = reader.object(object, 'spec', 'spec', true) ?? {};
  const refObject = reader.object(spec, 'ref', 'spec.ref');
  const verifyObject = reader.object(spec, 'verify', 'spec.verify');
  const provider = reader.string(spec, 'provider', 'spec.provider', { enum: gitProviders });
  const serviceAccountName = reader.string(spec, 'serviceAccountName', 'spec.serviceAccountName');
  if (serviceAccountName !== undefined && provider !== 'azure' && provider !== 'aws') {
    reader.report('spec', "serviceAccountName can only be set when provider is 'azure' or 'aws'");
  }
  const typed: GitRepositorySpec = {
    url: reader.string(spec, 'url', 'spec.url', { required: true, pattern: /^(http|https|ssh):\/\/.*$/ }) ?? '',
    interval: reader.duration(spec, 'interval', 'spec.interval', true) ?? '',
    ...optional('timeout', reader.duration(spec, 'timeout', 'spec.timeout', false, gitTimeoutPattern)),
    ...optional(
      'ref',
      refObject && {
        ...optional('branch', reader.string(refObject, 'branch', 'spec.ref.branch')),
        ...optional('tag', reader.string(refObject, 'tag', 'spec.ref.tag')),
        ...optional('semver', reader.string(refObject, 'semver', 'spec.ref.semver')),
        ...optional('name', reader.string(refObject, 'name', 'spec.ref.name')),
        ...optional('commit', reader.string(refObject, 'commit', 'spec.ref.commit')),
      },
    ),
    ...optional('secretRef', localRef(reader, spec, 'secretRef', 'spec.secretRef')),
    ...optional('proxySecretRef', localRef(reader, spec, 'proxySecretRef', 'spec.proxySecretRef')),
    ...optional('provider', provider),
    ...optional('serviceAccountName', serviceAccountName),
    ...optional(
      'verify',
      verifyObject && {
        ...optional('mode', reader.string(verifyObject, 'mode', 'spec.verify.mode', { enum: ['head', 'HEAD', 'Tag', 'TagAndHEAD'] })),
        secretRef: localRef(reader, verifyObject, 'secretRef', 'spec.verify.secretRef', true) ?? { name: '' },
      },
    ),
    ...optional('ignore', reader.string(spec, 'ignore', 'spec.ignore')),
    ...optional('suspend', reader.boolean(spec, 'suspend', 'spec.suspend')),
    ...optional('recurseSubmodules', reader.boolean(spec, 'recurseSubmodules', 'spec.recurseSubmodules')),
    ...optional(
      'include',
      reader.objects(spec, 'include', 'spec.include', (include, field) => ({
        repository: localRef(reader, include, 'repository', `${field}.repository`, true) ?? { name: '' },
        ...optional('fromPath', reader.string(include, 'fromPath', `${field}.fromPath`)),
        ...optional('toPath', reader.string(include, 'toPath', `${field}.toPath`)),
      })),
    ),
    ...optional('sparseCheckout', reader.strings(spec, 'sparseCheckout', 'spec.sparseCheckout')),
  };
  return { repository: { metadata, spec: typed, object }, issues: reader.issues };
}

/** Every problem in `object` as a GitRepository, decode and schema problems alike. */
export function validateGitRepository(object: JsonObject): FieldIssue[] {
  return read(object).issues;
}

/**
 * Reads a GitRepository from plain JSON.
 *
 * @throws KustomizeError `invalid-resource` naming the first offending field.
 */
export function readGitRepository(object: JsonObject, options: ReadOptions = {}): GitRepository {
  const { repository, issues } = read(object);
  throwFirst(issues, options, 'GitRepository');
  return repository;
}
