import type { FieldSpec } from '../fieldspec.js';

/** Kustomize's default `namePrefix` field specs: the resource's own name. */
export const namePrefixFieldSpecs: readonly FieldSpec[] = [
  { path: 'metadata/name' },
];
