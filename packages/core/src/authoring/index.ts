/**
 * Authoring: `kustomize create` and `kustomize edit` as functions over a file system. Reading goes through
 * {@link FileSystem}; writing through {@link WritableFileSystem}, atomically, and only when nothing failed.
 */
export { expandPathArguments, parseImageArgument, parseKeyValuePairs, parseReplicasArgument, type ImageSetting, type ReplicaSetting } from './arguments.js';
export { createKustomization, renderNewKustomization, type CreateOptions, type CreatedKustomization } from './create.js';
export { detectResources, kustomizeDetector, type DetectOptions, type ResourceDetector } from './detect.js';
export { editKustomization, renderEdit, type EditOutcome, type GeneratorSetting, type GeneratorUpdate, type KustomizationEdit, type PatchSetting, type SelectorSetting } from './edit.js';
export { glob, goMatch } from './glob.js';
