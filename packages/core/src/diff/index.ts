/** Diffs: of lines (unified diffs, three-way merges) and of two builds' resources. */
export { diffLines, mergeLines, splitLines, unifiedDiff, type LineHunk, type LineMerge, type UnifiedDiffOptions } from './lines.js';
export {
  diffResources,
  formatResourceDiff,
  type ChangedResource,
  type DiffSide,
  type FieldChange,
  type ResourceDiff,
  type ResourceDiffLabels,
  type ResourceDiffOptions,
  type ResourceRef,
} from './resources.js';
