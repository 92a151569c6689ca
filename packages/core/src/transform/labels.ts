import type { Resource } from '../resource/resource.js';
import type { FieldSpec } from './fieldspec.js';
import { mergeFieldSpecList, type TransformerConfig } from './fieldspecs/config.js';
import { setMapEntries } from './metadata-map.js';

/** The configuration of kustomize's LabelTransformer. */
export interface LabelTransformerConfig {
  readonly labels: Readonly<Record<string, string>>;
  /** Where labels go (TransformerConfig `commonLabels`, or {@link labelEntryFieldSpecs} for a `labels:` entry). */
  readonly fieldSpecs: readonly FieldSpec[];
}

/** An entry of a kustomization's `labels:` (kustomize's types.Label). */
export interface LabelEntry {
  readonly pairs: Readonly<Record<string, string>>;
  /** Also set the labels in selectors (and templates): the `commonLabels` field specs. */
  readonly includeSelectors?: boolean;
  /** Also set the labels in pod templates: the `templateLabels` field specs. */
  readonly includeTemplates?: boolean;
  /** More places to set the labels. */
  readonly fields?: readonly FieldSpec[];
}

/** Sets `labels` at every field `fieldSpecs` names, as kustomize's LabelTransformer. */
export function transformLabels(resources: readonly Resource[], config: LabelTransformerConfig): Resource[] {
  return setMapEntries(resources, config.labels, config.fieldSpecs);
}

/**
 * The field specs kustomize uses for a `labels:` entry: its own `fields`, the config's `labels`, then
 * the `commonLabels` specs with `includeSelectors`, else the `templateLabels` specs with `includeTemplates`
 * and `metadata/labels`. Throws when two of them differ only in `create`.
 */
export function labelEntryFieldSpecs(entry: LabelEntry, config: TransformerConfig): FieldSpec[] {
  const context = 'failed to merge labels';
  let specs = mergeFieldSpecList(entry.fields ?? [], config.labels, context);
  if (entry.includeSelectors === true) return mergeFieldSpecList(specs, config.commonLabels, context);
  if (entry.includeTemplates === true) specs = mergeFieldSpecList(specs, config.templateLabels, 'failed to merge template fieldSpec');
  return mergeFieldSpecList(specs, [{ path: 'metadata/labels', create: true }], context);
}
