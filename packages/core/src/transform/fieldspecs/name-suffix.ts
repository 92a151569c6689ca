import type { FieldSpec } from '../fieldspec.js';

/** Kustomize's default `nameSuffix` field specs: the resource's own name. */
export const nameSuffixFieldSpecs: readonly FieldSpec[] = [
  { path: 'metadata/name' },
];
