import type { FieldSpec } from '../fieldspec.js';

/** Kustomize's default `images` field specs: container images of pods and pod templates (kustomize never creates these fields). */
export const imageFieldSpecs: readonly FieldSpec[] = [
  { path: 'spec/containers[]/image', create: true },
  { path: 'spec/initContainers[]/image', create: true },
  { path: 'spec/template/spec/containers[]/image', create: true },
  { path: 'spec/template/spec/initContainers[]/image', create: true },
];

/** The `images` field specs kustomize v5.7 added: the image references of image volumes (Kubernetes 1.31's ImageVolume). */
export const imageVolumeFieldSpecs: readonly FieldSpec[] = [
  { path: 'spec/volumes[]/image/reference', create: true },
  { path: 'spec/template/spec/volumes[]/image/reference', create: true },
];
