import type { Loader } from '../accumulate/loader.js';

/** The field-spec tables the transformers of a build use: kustomize's defaults plus `configurations:` and `crds:`. */
export type BuildConfig = Readonly<Record<string, never>>;

/** Kustomize's default tables. */
export function defaultBuildConfig(): BuildConfig {
  return {};
}

/** The tables of a kustomization's `configurations:` files and `crds:`. */
export function loadConfigurations(_loader: Loader, _paths: readonly string[], _crds: readonly string[] = []): BuildConfig {
  return {};
}

/** Both tables merged, as kustomize merges transformer configs. */
export function mergeConfigurations(a: BuildConfig, _b: BuildConfig): BuildConfig {
  return a;
}
