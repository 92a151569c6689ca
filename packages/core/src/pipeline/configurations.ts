import { KustomizeError } from '../errors.js';
import type { Loader } from '../accumulate/loader.js';
import { defaultTransformerConfig, emptyTransformerConfig, imageVolumesTransformerConfig, mergeTransformerConfig, parseTransformerConfig, transformerConfigFromCrds, type TransformerConfig } from '../transform/index.js';
import { parseYaml } from '../yaml/index.js';

/** The field-spec tables the transformers of a build use: kustomize's defaults plus `configurations:` files. */
export type BuildConfig = TransformerConfig;

/** The tables of an empty accumulation, before any kustomization adds its own (defaults included). */
export function emptyBuildConfig(): BuildConfig {
  return emptyTransformerConfig;
}

/** The tables of a kustomization's `configurations:` files and `crds:` definitions, merged over kustomize's defaults. */
export function loadConfigurations(loader: Loader, paths: readonly string[], crds: readonly string[]): BuildConfig {
  const builtins = loader.session.behaviour.imageVolumes ? imageVolumesTransformerConfig : defaultTransformerConfig;
  if (paths.length === 0 && crds.length === 0) return defaultsOnly(builtins);
  let config = emptyTransformerConfig;
  for (const path of paths) {
    const file = loader.display(loader.resolve(path));
    config = mergeTransformerConfig(config, parseTransformerConfig(parseYaml(loader.readText(path), file), file));
  }
  config = mergeTransformerConfig(config, builtins);
  for (const path of crds) {
    const file = loader.display(loader.resolve(path));
    try {
      config = mergeTransformerConfig(config, transformerConfigFromCrds(parseYaml(loader.readText(path), file), file, path));
    } catch (error) {
      if (!(error instanceof KustomizeError)) throw error;
      // kustomize names the whole list as the kustomization gives it, Go's way: `[a.yaml b.yaml]`.
      throw new KustomizeError(error.code, `loading CRDs [${crds.join(' ')}]: ${error.message}`, error.location, error.hint, { cause: error.cause });
    }
  }
  return config;
}

const defaults = new Map<TransformerConfig, BuildConfig>();

/** The tables of a kustomization without `configurations:` or `crds:`: one shared object for all of them (per release's builtins). */
function defaultsOnly(builtins: TransformerConfig): BuildConfig {
  let merged = defaults.get(builtins);
  if (merged === undefined) {
    merged = mergeTransformerConfig(emptyTransformerConfig, builtins);
    defaults.set(builtins, merged);
  }
  return merged;
}

/**
 * Both tables merged, as kustomize merges transformer configs. Every config but the empty one is already a
 * merge's result, which merging with itself or with the empty config leaves as it is: those cases return it,
 * so a tree of many kustomizations without their own tables does not merge the default tables once per directory.
 */
export function mergeConfigurations(a: BuildConfig, b: BuildConfig): BuildConfig {
  if (a === b || b === emptyTransformerConfig) return a;
  if (a === emptyTransformerConfig) return b;
  return mergeTransformerConfig(a, b);
}
