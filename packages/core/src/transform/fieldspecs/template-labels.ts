import type { FieldSpec } from '../fieldspec.js';
import { metadataLabelFieldSpecs } from './metadata-labels.js';

/** Kustomize's default `templateLabels` field specs (for `labels:` entries with `includeTemplates`): the metadata labels. */
export const templateLabelFieldSpecs: readonly FieldSpec[] = metadataLabelFieldSpecs;
