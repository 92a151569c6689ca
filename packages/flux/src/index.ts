/**
 * @kustomize-ts/flux: Flux Kustomization and GitRepository objects, what `flux build` renders, postBuild
 * substitution, Go durations and offline health checks.
 *
 * @module @kustomize-ts/flux
 */
export * from './duration.js';
export { durationPattern, type FieldIssue, type ObjectMeta, type ReadOptions } from './model/fields.js';
export * from './model/kustomization.js';
export * from './model/gitrepository.js';
export * from './envsubst/index.js';
export * from './kstatus/index.js';
export * from './export/create.js';
export * from './export/export.js';
export * from './substitute.js';
export { cleanPath, fluxBuild, fluxKustomizeBuild, localSourcePath, ownerLabels, selectKustomization, withGeneratedKustomization, type FluxBuildOptions, type FluxBuildResult } from './build/build.js';
export { generateKustomization, isLocalRelativePath, scanManifests, type GeneratedKustomization, type GeneratorAction, type GeneratorOptions } from './build/generator.js';
export { defaultIgnorePatterns, isIgnored, loadIgnorePatterns, parseIgnorePattern, readIgnorePatterns, type IgnorePattern } from './build/ignore.js';
export { maskSopsData } from './build/sops.js';
