/**
 * `kustomize create`: a new `kustomization.yaml`, detected and written exactly as kustomize v5.5.0 does.
 */
import { KustomizeError } from '../errors.js';
import type { FileSystem, WritableFileSystem } from '../fs/filesystem.js';
import type { JsonObject } from '../json.js';
import { expandPathArguments } from './arguments.js';
import { detectResources, type ResourceDetector } from './detect.js';
import { joinPath, marshalKustomization, presentKustomizationFiles } from './kustfile.js';

/** What the new kustomization holds; the flags of `kustomize create`. */
export interface CreateOptions {
  /**
   * `--resources`: paths or Go globs relative to the directory (or remote addresses), expanded and checked
   * as kustomize does (see {@link expandPathArguments}).
   */
  readonly resources?: readonly string[];
  /** `--namespace`. */
  readonly namespace?: string;
  /** `--nameprefix`. */
  readonly namePrefix?: string;
  /** `--namesuffix`. */
  readonly nameSuffix?: string;
  /** `--labels`: written as `commonLabels`. */
  readonly labels?: Readonly<Record<string, string>>;
  /** `--annotations`: written as `commonAnnotations`. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** `--autodetect`: add the resources found in the directory after the given ones (duplicates skipped). */
  readonly autodetect?: boolean;
  /** `--recursive`: with `autodetect`, search subdirectories too. */
  readonly recursive?: boolean;
  /**
   * With `autodetect`, finds resources instead of kustomize's detection, e.g. Flux's (recursive,
   * `.yaml`/`.yml` only, `.sourceignore` rules), built from `scanManifests` of `@kustomize-ts/flux`.
   */
  readonly detector?: ResourceDetector;
}

/** The file {@link createKustomization} wrote. */
export interface CreatedKustomization {
  /** Its absolute path: always `kustomization.yaml` in the directory. */
  readonly file: string;
  /** Its text. */
  readonly text: string;
  /** Its `resources`, in order. */
  readonly resources: readonly string[];
}

/**
 * The `kustomization.yaml` that `kustomize create` would write in `directory` (absolute), without writing
 * it: `apiVersion` and `kind`, then `resources`, `namePrefix`, `nameSuffix`, `namespace`, `commonLabels`
 * and `commonAnnotations` when set, each marshalled as kustomize marshals it.
 *
 * @throws KustomizeError `already-exists` ("kustomization file already exists") when the directory has a
 * kustomization file, or kustomize's error for a resource path that matches nothing.
 */
export function renderNewKustomization(fs: FileSystem, directory: string, options: CreateOptions = {}): CreatedKustomization {
  const resources = expandPathArguments(fs, directory, options.resources ?? []);
  const existing = presentKustomizationFiles(fs, directory);
  if (existing.length > 0) {
    throw new KustomizeError('already-exists', 'kustomization file already exists', { file: joinPath(directory, existing[0]!) }, 'edit it with `kustomize-ts edit`, or remove it first');
  }
  if (options.autodetect) {
    const detect = options.detector ?? ((detectFs: FileSystem, detectDirectory: string) => detectResources(detectFs, detectDirectory, { recursive: options.recursive === true }));
    for (const resource of detect(fs, directory)) {
      if (!resources.includes(resource)) resources.push(resource);
    }
  }
  const kustomization: JsonObject = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    namePrefix: options.namePrefix ?? '',
    nameSuffix: options.nameSuffix ?? '',
    namespace: options.namespace ?? '',
    commonLabels: { ...options.labels },
    commonAnnotations: { ...options.annotations },
  };
  return { file: joinPath(directory, 'kustomization.yaml'), text: marshalKustomization(kustomization), resources };
}

/** Writes the kustomization {@link renderNewKustomization} renders; nothing is written when it throws. */
export function createKustomization(fs: WritableFileSystem, directory: string, options: CreateOptions = {}): CreatedKustomization {
  const created = renderNewKustomization(fs, directory, options);
  fs.writeFile(created.file, created.text);
  return created;
}
