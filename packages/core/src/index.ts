/**
 * @kustomize-ts/core: render kustomization trees exactly as `kustomize build` (v5.5.0, v5.7.1 or v5.8.1) does, reading
 * through a {@link FileSystem} so the same code runs on disk, in memory and in a browser.
 *
 * @module @kustomize-ts/core
 */
export { build, buildYaml, type BuildOptions, type BuildResult, type ReorderOption } from './pipeline/index.js';
export { BuildCache, createBuildCache } from './pipeline/cache.js';
export type { BuildHooks, HelmChartContext, RemoteFiles, RemoteFileSystem, RemoteTree } from './pipeline/hooks.js';
export { isRemoteFile, isRemoteReference } from './pipeline/remote.js';
export { cloneAddress, parseRepoSpec, type RepoSpec } from './pipeline/repospec.js';
export {
  defaultKustomizeVersion,
  isKustomizeVersion,
  kustomizeChanges,
  kustomizeVersions,
  versionBehaviour,
  type KustomizeVersion,
  type VersionBehaviour,
} from './versions.js';
export { buildAsync, toAsyncFileSystem, type AsyncBuildHooks, type AsyncBuildOptions, type AsyncFileSystem } from './pipeline/async.js';
export { DirectoryHandleFileSystem, FetchFileSystem, type DirectoryHandle, type FileHandle } from './fs/async.js';
export type { BuildWarning, BuildWarningCode } from './pipeline/diagnostics.js';
export { KustomizeError, locate, type ErrorLocation, type KustomizeErrorCode } from './errors.js';
export { isSymbolicLink, MemoryFileSystem, readText, type EntryKind, type FileSystem, type WritableFileSystem } from './fs/filesystem.js';
export { defaultLoadLimits, type LoadLimits, type LoadRestrictor } from './accumulate/loader.js';
export { cloneJson, getOwn, isJsonObject, withKey, withoutKey, type JsonObject, type JsonPrimitive, type JsonValue } from './json.js';
export { findKustomizationFile, kustomizationFileNames, loadKustomization, parseKustomization } from './kustomization/load.js';
export type { Kustomization } from './kustomization/types.js';
export { apiVersionOf, idString, parseApiVersion, type Gvk, type ResourceId } from './resource/id.js';
export type { Origin, Resource } from './resource/resource.js';
export { emitDocuments, emitYaml, parseYaml, parseYamlDocuments } from './yaml/index.js';
export {
  createKustomization,
  detectResources,
  editKustomization,
  expandPathArguments,
  glob,
  goMatch,
  kustomizeDetector,
  parseImageArgument,
  parseKeyValuePairs,
  parseReplicasArgument,
  renderEdit,
  renderNewKustomization,
  type CreateOptions,
  type CreatedKustomization,
  type DetectOptions,
  type EditOutcome,
  type GeneratorSetting,
  type GeneratorUpdate,
  type ImageSetting,
  type KustomizationEdit,
  type PatchSetting,
  type ReplicaSetting,
  type ResourceDetector,
  type SelectorSetting,
} from './authoring/index.js';
export {
  diffLines,
  diffResources,
  formatResourceDiff,
  mergeLines,
  splitLines,
  unifiedDiff,
  type ChangedResource,
  type DiffSide,
  type FieldChange,
  type LineHunk,
  type LineMerge,
  type ResourceDiff,
  type ResourceDiffLabels,
  type ResourceDiffOptions,
  type ResourceRef,
  type UnifiedDiffOptions,
} from './diff/index.js';
