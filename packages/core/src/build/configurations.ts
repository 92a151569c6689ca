import type { Loader } from '../accumulate/loader.js';
import { defaultTransformerConfig, emptyTransformerConfig, mergeTransformerConfig, parseTransformerConfig, transformerConfigFromCrds, type TransformerConfig } from '../transform/index.js';
import { parseYaml } from '../yaml/index.js';

/** The field-spec tables the transformers of a build use: kustomize's defaults plus `configurations:` files. */
export type BuildConfig = TransformerConfig;

/** The tables of an empty accumulation, before any kustomization adds its own (defaults included). */
export function emptyBuildConfig(): BuildConfig {
  return emptyTransformerConfig;
}

/** The tables of a kustomization's `configurations:` files and `crds:` definitions, merged over kustomize's defaults. */
export function loadConfigurations(loader: Loader, paths: readonly string[], crds: readonly string[]): BuildConfig {
  let config = emptyTransformerConfig;
  for (const path of paths) {
    const file = loader.display(loader.resolve(path));
    config = mergeTransformerConfig(config, parseTransformerConfig(parseYaml(loader.readText(path), file), file));
  }
  config = mergeTransformerConfig(config, defaultTransformerConfig);
  for (const path of crds) {
    const file = loader.display(loader.resolve(path));
    config = mergeTransformerConfig(config, transformerConfigFromCrds(parseYaml(loader.readText(path), file), file));
  }
  return config;
}

/** Both tables merged, as kustomize merges transformer configs. */
export function mergeConfigurations(a: BuildConfig, b: BuildConfig): BuildConfig {
  return mergeTransformerConfig(a, b);
}
