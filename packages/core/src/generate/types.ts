/**
 * The arguments of `configMapGenerator`, `secretGenerator` and `generatorOptions`, named as in a
 * kustomization file (kustomize's api/types GeneratorArgs, ConfigMapArgs, SecretArgs, GeneratorOptions).
 */

/** `generatorOptions`, or one generator's `options`. */
export interface GeneratorOptions {
  /** Labels added to the generated resource. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Annotations added to the generated resource. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** When true, the name gets no content-hash suffix. */
  readonly disableNameSuffixHash?: boolean;
  /** When true, the resource gets `immutable: true`. */
  readonly immutable?: boolean;
}

/** What `configMapGenerator` and `secretGenerator` entries share. */
export interface GeneratorArgs {
  /** The name before any prefix, suffix or hash; a generator without one fails. */
  readonly name?: string;
  readonly namespace?: string;
  /**
   * `create` (the default), `merge` or `replace`: how the resource combines with an existing one of the
   * same id. Any other text behaves as kustomize's "unspecified", which is like `create`.
   */
  readonly behavior?: string;
  /** `key=value` pairs; surrounding quotes of the value are removed. */
  readonly literals?: readonly string[];
  /** `path` (key: the file's base name) or `key=path`, relative to the kustomization directory. */
  readonly files?: readonly string[];
  /** Env files (`KEY=value` lines), relative to the kustomization directory. */
  readonly envs?: readonly string[];
  /** The older, single form of `envs`; read after them. */
  readonly env?: string;
  /** Options of this generator; {@link mergeGeneratorOptions} adds the kustomization's `generatorOptions`. */
  readonly options?: GeneratorOptions;
}

/** A `configMapGenerator` entry. */
export type ConfigMapArgs = GeneratorArgs;

/** A `secretGenerator` entry. */
export interface SecretArgs extends GeneratorArgs {
  /** The Secret's `type`; `Opaque` when empty. */
  readonly type?: string;
}

/**
 * A generator's options with the kustomization's `generatorOptions` merged in, as kustomize's
 * MergeGlobalOptionsIntoLocal does: the generator's own labels and annotations win over global ones
 * of the same key, and a global `true` for `disableNameSuffixHash` or `immutable` wins over a local `false`.
 */
export function mergeGeneratorOptions(local: GeneratorOptions | undefined, global: GeneratorOptions | undefined): GeneratorOptions | undefined {
  if (global === undefined) return local;
  return {
    labels: mergeMaps(local?.labels, global.labels),
    annotations: mergeMaps(local?.annotations, global.annotations),
    disableNameSuffixHash: (local?.disableNameSuffixHash ?? false) || (global.disableNameSuffixHash ?? false),
    immutable: (local?.immutable ?? false) || (global.immutable ?? false),
  };
}

function mergeMaps(local: Readonly<Record<string, string>> | undefined, global: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> | undefined {
  if (local === undefined) return global;
  if (global === undefined) return local;
  const merged: Record<string, string> = {};
  for (const map of [global, local]) {
    for (const key of Object.keys(map)) {
      Object.defineProperty(merged, key, { value: map[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}
