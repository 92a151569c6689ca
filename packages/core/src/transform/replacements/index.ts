export { applyReplacements } from './apply.js';
export { lookupField, splitDottedPath } from './field-path.js';
export {
  defaultReplacementFieldPath,
  parseReplacementFile,
  parseReplacements,
  type FieldOptions,
  type Replacement,
  type ReplacementFileLoader,
  type ResIdSelector,
  type Selector,
  type SourceSelector,
  type TargetSelector,
} from './types.js';
