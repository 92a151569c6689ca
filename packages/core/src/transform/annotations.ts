import type { Resource } from '../resource/resource.js';
import type { FieldSpec } from './fieldspec.js';
import { setMapEntries } from './metadata-map.js';

/** The configuration of kustomize's AnnotationsTransformer. */
export interface AnnotationsTransformerConfig {
  readonly annotations: Readonly<Record<string, string>>;
  /** Where annotations go (TransformerConfig `commonAnnotations`). */
  readonly fieldSpecs: readonly FieldSpec[];
}

/** Sets `annotations` at every field `fieldSpecs` names, as kustomize's AnnotationsTransformer. */
export function transformAnnotations(resources: readonly Resource[], config: AnnotationsTransformerConfig): Resource[] {
  return setMapEntries(resources, config.annotations, config.fieldSpecs);
}
