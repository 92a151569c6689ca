export { applyFieldSpec, fieldSpecSelects, splitFieldPath, type FieldContext, type FieldSetter, type FieldSpec } from './fieldspec.js';
export {
  defaultTransformerConfig,
  emptyTransformerConfig,
  imageVolumesTransformerConfig,
  mergeFieldSpecList,
  mergeTransformerConfig,
  parseTransformerConfig,
  type NameBackReferences,
  type TransformerConfig,
} from './fieldspecs/config.js';
export { transformerConfigFromCrds } from './fieldspecs/crds.js';
export { commonAnnotationFieldSpecs } from './fieldspecs/common-annotations.js';
export { commonLabelFieldSpecs } from './fieldspecs/common-labels.js';
export { imageFieldSpecs, imageVolumeFieldSpecs } from './fieldspecs/images.js';
export { metadataLabelFieldSpecs } from './fieldspecs/metadata-labels.js';
export { namePrefixFieldSpecs } from './fieldspecs/name-prefix.js';
export { nameReferenceFieldSpecs } from './fieldspecs/name-reference.js';
export { nameSuffixFieldSpecs } from './fieldspecs/name-suffix.js';
export { namespaceFieldSpecs } from './fieldspecs/namespace.js';
export { replicaFieldSpecs } from './fieldspecs/replicas.js';
export { templateLabelFieldSpecs } from './fieldspecs/template-labels.js';
export { varReferenceFieldSpecs } from './fieldspecs/var-reference.js';
export { parseRoleBindingSubjectMode, transformNamespace, type NamespaceTransformerConfig, type RoleBindingSubjectMode } from './namespace.js';
export { transformPrefix, transformSuffix, type PrefixTransformerConfig, type SuffixTransformerConfig } from './prefix-suffix.js';
export { labelEntryFieldSpecs, transformLabels, type LabelEntry, type LabelTransformerConfig } from './labels.js';
export { transformAnnotations, type AnnotationsTransformerConfig } from './annotations.js';
export { transformImageTag, type Image, type ImageTagTransformerConfig } from './images/image-tag.js';
export { imageMatcher, joinImage, splitImage, type ImageParts } from './images/image-name.js';
export { transformReplicaCount, type Replica, type ReplicaCountTransformerConfig } from './replicas.js';
export { fixNameReferences, type NameReferenceTransformerConfig } from './name-reference/name-reference.js';
