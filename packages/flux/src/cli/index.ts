/**
 * `@kustomize-ts/flux/cli`: the `flux create` and `flux build` commands as the kustomize-ts CLI runs them
 * (arguments in, printed text out). The CLI's machinery, not a library API: use `@kustomize-ts/flux`.
 *
 * @module @kustomize-ts/flux/cli
 */
export { runBuild, type BuildEnvironment } from './build.js';
export { runCreate, type CommandOutput } from './create.js';
export { FlagError } from './flags.js';
