import { emitYaml, KustomizeError, type JsonObject, type JsonValue } from '@kustomize-ts/core';
import { Durations, formatGoDuration, type GoDuration } from '../duration.js';
import { gitProviders, gitRepositoryApiVersion } from '../model/gitrepository.js';
import { kustomizationApiVersion } from '../model/kustomization.js';

/**
 * What `flux create kustomization|source git --export` prints, built from typed options. The objects are
 * what flux2 builds in `create_kustomization.go` / `create_source_git.go`; the printing is flux2's
 * `printExport`: `---`, then sigs.k8s.io/yaml of the object (sorted keys, Go durations), trimmed.
 */

/** An invalid option, with the message the flux CLI gives. */
export class ExportError extends KustomizeError {
  override readonly name = 'ExportError';

  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/** Options common to every `flux create`. */
export interface CreateOptions {
  readonly name: string;
  /** Defaults to `flux-system`. */
  readonly namespace?: string;
  /** Defaults to one minute. */
  readonly interval?: GoDuration;
  /** `key=value` items of `--label`. */
  readonly labels?: readonly string[];
}

/** Options of `flux create kustomization`. */
export interface CreateKustomizationOptions extends CreateOptions {
  /** `--source`: `[<kind>/]<name>[.<namespace>]`. Required. */
  readonly source: string;
  /** `--path`, cleaned as Flux's safe relative path; defaults to `./`. */
  readonly path?: string;
  readonly prune?: boolean;
  readonly wait?: boolean;
  /** `Kind/name.namespace` items of `--health-check`. */
  readonly healthChecks?: readonly string[];
  /** `--health-check-timeout`; defaults to two minutes. */
  readonly healthCheckTimeout?: GoDuration;
  /** `name` or `namespace/name` items (`@readyExpr` allowed) of `--depends-on`. */
  readonly dependsOn?: readonly string[];
  readonly serviceAccount?: string;
  readonly decryptionProvider?: string;
  readonly decryptionSecret?: string;
  readonly targetNamespace?: string;
  readonly kubeconfigSecretRef?: string;
  readonly retryInterval?: GoDuration;
}

/** Options of `flux create source git`. */
export interface CreateGitRepositoryOptions extends CreateOptions {
  readonly url: string;
  readonly branch?: string;
  readonly tag?: string;
  readonly semver?: string;
  readonly refName?: string;
  readonly commit?: string;
  readonly secretRef?: string;
  readonly proxySecretRef?: string;
  readonly provider?: string;
  readonly caFile?: string;
  readonly recurseSubmodules?: boolean;
  readonly ignorePaths?: readonly string[];
  readonly sparseCheckoutPaths?: readonly string[];
  /** `--fetch-timeout`; `spec.timeout` appears only when it is positive. */
  readonly fetchTimeout?: GoDuration;
}

const objectName = /^[a-z0-9]([a-z0-9-]){0,61}[a-z0-9]$/;

/** The checks cobra's `PersistentPreRunE` of `flux create` makes on the name. */
export function checkObjectName(name: string | undefined): string {
  if (name === undefined) throw new ExportError('name is required');
  if (!objectName.test(name)) {
    throw new ExportError(`name '${name}' is invalid, it should adhere to standard defined in RFC 1123, the name can only contain alphanumeric characters or '-'`);
  }
  return name;
}

const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const nameFormat =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** apimachinery's `IsQualifiedName` errors. */
function qualifiedNameErrors(text: string): string[] {
  const parts = text.split('/');
  let name = text;
  const errors: string[] = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    name = rest;
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else if (prefix.length > 253) errors.push('prefix part must be no more than 253 characters');
    else if (!dnsSubdomain.test(prefix)) {
      errors.push(
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      );
    }
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  if (name.length > 0 && !qualifiedNamePart.test(name)) errors.push(nameFormat);
  return errors;
}

/** apimachinery's `IsValidLabelValue` errors. */
function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!labelValue.test(value)) {
    errors.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errors;
}

/** flux2's `parseLabels`: `key=value` items, validated as Kubernetes labels. */
function parseLabels(items: readonly string[]): JsonObject | undefined {
  const labels: JsonObject = {};
  for (const item of items) {
    const parts = item.split('=');
    if (parts.length !== 2) throw new ExportError(`invalid label format '${item}', must be key=value`);
    const [key, value] = parts as [string, string];
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) throw new ExportError(`invalid label '${key}': [${keyErrors.join(' ')}]`);
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) throw new ExportError(`invalid label value '${value}': [${valueErrors.join(' ')}]`);
    Object.defineProperty(labels, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/**
 * Flux's `SafeRelativePath`: the path joined securely under `./` (`..` cannot climb out, an absolute
 * path becomes relative), always starting with `./`.
 */
export function safeRelativePath(path: string): string {
  const parts: string[] = [];
  for (const segment of path.trim().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `./${parts.join('/')}`;
}

const sourceKinds = ['OCIRepository', 'GitRepository', 'Bucket'];

/** Flux's `KustomizationSource.Set`: `[<kind>/]<name>[.<namespace>]`, kind matched case-insensitively. */
export function parseKustomizationSource(text: string): { kind: string; name: string; namespace: string } {
  if (text.trim() === '') {
    throw new ExportError(
      `no Kustomization source given, please specify source that contains the Kubernetes manifests in the format '[<kind>/]<name>.<namespace>', where kind must be one of: (${sourceKinds.join(', ')}), if kind is not specified it defaults to GitRepository`,
    );
  }
  const slashParts = text.split('/');
  let kind = '';
  let name = text;
  if (slashParts.length === 2) [kind, name] = slashParts as [string, string];
  let namespace = '';
  const dotParts = name.split('.');
  if (dotParts.length > 1) {
    namespace = dotParts[dotParts.length - 1]!;
    name = dotParts.slice(0, -1).join('.');
  }
  if (name === '') throw new ExportError(`no name given for source of kind '${kind}'`);
  if (kind === '') {
    if (sourceKinds.includes(name)) throw new ExportError(`no kind specified for source '${name}'`);
    kind = 'GitRepository';
  }
  const clean = sourceKinds.find((candidate) => candidate.toLowerCase() === kind.toLowerCase());
  if (clean === undefined) throw new ExportError(`source kind '${kind}' is not supported, must be one of: ${sourceKinds.join(', ')}`);
  return { kind: clean, name, namespace };
}

const healthCheckKinds = ['Deployment', 'DaemonSet', 'StatefulSet', 'HelmRelease'];

/** Flux's reading of one `--health-check` item, `Kind/name.namespace`. */
export function parseHealthCheck(item: string): JsonObject {
  const kindObject = item.split('/');
  if (kindObject.length !== 2) {
    throw new ExportError(`invalid health check '${item}' must be in the format 'kind/name.namespace' [${kindObject.join(' ')}]`);
  }
  const [kind, nameNamespace] = kindObject as [string, string];
  if (!healthCheckKinds.includes(kind)) {
    throw new ExportError(`invalid health check kind '${kind}' can be HelmRelease, Deployment, DaemonSet or StatefulSet`);
  }
  const parts = nameNamespace.split('.');
  if (parts.length !== 2) throw new ExportError(`invalid health check '${item}' must be in the format 'kind/name.namespace'`);
  return {
    ...(kind === 'HelmRelease' && { apiVersion: 'helm.toolkit.fluxcd.io/v2' }),
    kind,
    name: parts[0]!,
    ...(parts[1] !== '' && { namespace: parts[1]! }),
  };
}

/** Flux's `MakeDependsOn`: `[namespace/]name[@readyExpr]`. */
function dependsOnReference(item: string): JsonObject {
  const at = item.indexOf('@');
  const readyExpr = at < 0 ? '' : item.slice(at + 1);
  const reference = at < 0 ? item : item.slice(0, at);
  const slash = reference.indexOf('/');
  const namespace = slash < 0 ? '' : reference.slice(0, slash);
  const name = slash < 0 ? reference : reference.slice(slash + 1);
  return { name, ...(namespace !== '' && { namespace }), ...(readyExpr !== '' && { readyExpr }) };
}

function metadata(options: CreateOptions): JsonObject {
  const labels = parseLabels(options.labels ?? []);
  const namespace = options.namespace ?? 'flux-system';
  return { name: options.name, ...(namespace !== '' && { namespace }), ...(labels && { labels }) };
}

const duration = (value: GoDuration) => formatGoDuration(value);

/** The Kustomization `flux create kustomization --export` builds. */
export function createFluxKustomization(options: CreateKustomizationOptions): JsonObject {
  checkObjectName(options.name);
  const path = options.path ?? './';
  if (path === '') throw new ExportError('path is required');
  if (!path.startsWith('./')) throw new ExportError('path must begin with ./');
  if (options.source === '') throw new ExportError('source is required');
  const source = parseKustomizationSource(options.source);
  const meta = metadata(options);
  const spec: Record<string, JsonValue> = {
    interval: duration(options.interval ?? Durations.minute),
    path,
    prune: options.prune ?? false,
    sourceRef: { kind: source.kind, name: source.name, ...(source.namespace !== '' && { namespace: source.namespace }) },
  };
  if (options.targetNamespace) spec.targetNamespace = options.targetNamespace;
  if (options.dependsOn && options.dependsOn.length > 0) spec.dependsOn = options.dependsOn.map(dependsOnReference);
  if (options.kubeconfigSecretRef) spec.kubeConfig = { secretRef: { name: options.kubeconfigSecretRef } };
  const timeout = duration(options.healthCheckTimeout ?? 2n * Durations.minute);
  if (options.healthChecks && options.healthChecks.length > 0 && !options.wait) {
    spec.healthChecks = options.healthChecks.map(parseHealthCheck);
    spec.timeout = timeout;
  }
  if (options.wait) {
    spec.wait = true;
    spec.timeout = timeout;
  }
  if (options.serviceAccount) spec.serviceAccountName = options.serviceAccount;
  if (options.decryptionProvider) {
    spec.decryption = { provider: options.decryptionProvider, ...(options.decryptionSecret && { secretRef: { name: options.decryptionSecret } }) };
  }
  if (options.retryInterval !== undefined && options.retryInterval > 0n) spec.retryInterval = duration(options.retryInterval);
  return { apiVersion: kustomizationApiVersion, kind: 'Kustomization', metadata: meta, spec };
}

/** The scheme of a URL as Go's `url.Parse` finds it, or an error message as Go gives it. */
function urlScheme(url: string): string {
  if (/[\u0000-\u001f\u007f]/.test(url)) throw new ExportError(`git URL parse failed: parse ${JSON.stringify(url)}: net/url: invalid control character in URL`);
  for (let i = 0; i < url.length; i++) {
    const char = url[i]!;
    if (/[A-Za-z]/.test(char)) continue;
    if (/[0-9+.-]/.test(char)) {
      if (i === 0) return '';
      continue;
    }
    if (char === ':') {
      if (i === 0) throw new ExportError(`git URL parse failed: parse ${JSON.stringify(url)}: missing protocol scheme`);
      return url.slice(0, i).toLowerCase();
    }
    return '';
  }
  return '';
}

/** The GitRepository `flux create source git --export` builds. */
export function createGitRepository(options: CreateGitRepositoryOptions): JsonObject {
  checkObjectName(options.name);
  if (options.url === '') throw new ExportError('url is required');
  const scheme = urlScheme(options.url);
  if (scheme !== 'ssh' && scheme !== 'http' && scheme !== 'https') {
    throw new ExportError(`git URL scheme '${scheme}' not supported, can be: ssh, http and https`);
  }
  if (!options.branch && !options.tag && !options.semver && !options.commit && !options.refName) {
    throw new ExportError('a Git ref is required, use one of the following: --branch, --tag, --commit, --ref-name or --tag-semver');
  }
  if (options.caFile && scheme === 'ssh') throw new ExportError('specifying a CA file is not supported for Git over SSH');
  if (options.provider !== undefined) checkGitProvider(options.provider);
  const meta = metadata(options);
  const ref: JsonObject = options.commit
    ? { commit: options.commit, ...(options.branch && { branch: options.branch }) }
    : options.refName
      ? { name: options.refName }
      : options.semver
        ? { semver: options.semver }
        : options.tag
          ? { tag: options.tag }
          : { branch: options.branch ?? '' };
  const spec: Record<string, JsonValue> = { url: options.url, interval: duration(options.interval ?? Durations.minute), ref };
  if (options.recurseSubmodules) spec.recurseSubmodules = true;
  if (options.ignorePaths && options.ignorePaths.length > 0) spec.ignore = options.ignorePaths.join('\n');
  if (options.sparseCheckoutPaths && options.sparseCheckoutPaths.length > 0) spec.sparseCheckout = [...options.sparseCheckoutPaths];
  if (options.fetchTimeout !== undefined && options.fetchTimeout > 0n) spec.timeout = duration(options.fetchTimeout);
  if (options.secretRef) spec.secretRef = { name: options.secretRef };
  if (options.proxySecretRef) spec.proxySecretRef = { name: options.proxySecretRef };
  if (options.provider) spec.provider = options.provider;
  return { apiVersion: gitRepositoryApiVersion, kind: 'GitRepository', metadata: meta, spec };
}

/** Flux's `SourceGitProvider.Set` checks. */
export function checkGitProvider(provider: string): string {
  if (provider.trim() === '') throw new ExportError('no source Git provider given, please specify the Git provider name');
  if (!(gitProviders as readonly string[]).includes(provider)) {
    throw new ExportError(`source Git provider '${provider}' is not supported, must be one of: ${gitProviders.join('|')}`);
  }
  return provider;
}

/** flux2's `printExport`: `---`, the object as sigs.k8s.io/yaml prints it, trimmed, and a newline. */
export function printExport(object: JsonObject): string {
  return `---\n${emitYaml(object).trim()}\n`;
}
