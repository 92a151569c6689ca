/**
 * The builtin AnnotationsTransformer and LabelTransformer, run as plugins listed under `transformers:`.
 * Every tree was written to /tmp and built with `kubectl kustomize` (Kustomize v5.5.0); `expected` is its output
 * byte for byte, `error.message` a piece of its error message.
 */
import { describe, it } from 'vitest';
import { expectBuilt, type Tree } from '../../test-support.js';

const trees = {
  labelsAndAnnotations: {
    root: '/app',
    files: {
      'app/kustomization.yaml': `resources: [cm.yaml]
transformers:
- annotations.yaml
- |-
  apiVersion: builtin
  kind: LabelTransformer
  metadata:
    name: inline-labels
  Labels:
    n: 1
    f: 1.50
    b: true
  unknownField: ignored
  fieldSpecs:
  - path: metadata/labels
    create: true
`,
      'app/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
`,
      'app/annotations.yaml': `apiVersion: builtin
kind: AnnotationsTransformer
metadata:
  name: notes
annotations:
  team: blue
fieldSpecs:
- path: metadata/annotations
  create: true
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  annotations:
    team: blue
  labels:
    b: "true"
    f: "1.5"
    "n": "1"
  name: cm
`,
  },
} satisfies Record<string, Tree>;

describe('AnnotationsTransformer and LabelTransformer', () => {
  it('runs AnnotationsTransformer from a file and LabelTransformer inline, decoding configs as kustomize (keys ignoring case, unknown fields ignored, scalars as text)', () => {
    expectBuilt(trees.labelsAndAnnotations);
  });
});
