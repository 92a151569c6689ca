import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json.js';
import { defaultTransformerConfig, mergeTransformerConfig } from './config.js';
import { transformerConfigFromCrds } from './crds.js';

const objectProperties = { kind: { type: 'string' }, apiVersion: { type: 'string' }, metadata: { $ref: 'meta.ObjectMeta' } };

const document: JsonObject = {
  'example.com/apis/v1.Widget': { Schema: { properties: { ...objectProperties, spec: { $ref: 'example.com/apis/v1.WidgetSpec' } } }, Dependencies: [] },
  'example.com/apis/v1.WidgetSpec': {
    Schema: {
      properties: {
        secretRef: { 'x-kubernetes-object-ref-api-version': 'v1', 'x-kubernetes-object-ref-kind': 'Secret', $ref: 'core.LocalObjectReference' },
        gadget: { 'X-Kubernetes-Object-Ref-Api-Version': 'v2', 'x-kubernetes-object-ref-kind': 'Gadget', 'x-kubernetes-object-ref-name-key': 'id' },
        selector: { 'x-kubernetes-label-selector': '' },
        notes: { 'x-kubernetes-annotation': '' },
        alias: { 'x-kubernetes-identity': '' },
        loop: { $ref: 'example.com/apis/v1.WidgetSpec' },
        flagged: { 'x-kubernetes-annotation': true },
      },
    },
  },
  // Not an object type (no kind/apiVersion/metadata): its marked fields are only read through a $ref.
  'example.com/apis/v1.Loose': { Schema: { properties: { notes: { 'x-kubernetes-annotation': '' } } } },
};

describe('transformerConfigFromCrds', () => {
  const config = transformerConfigFromCrds(document, 'crds.json');

  it('turns marked properties of object types into field specs for their kind', () => {
    expect(config.commonLabels).toEqual([{ kind: 'Widget', path: 'spec/selector' }]);
    expect(config.commonAnnotations).toEqual([{ kind: 'Widget', path: 'spec/notes' }]);
    expect(config.namePrefix).toEqual([{ kind: 'Widget', path: 'spec/alias' }]);
  });

  it('turns object references into name references, reading extension names case-insensitively', () => {
    expect(config.nameReference).toEqual([
      { kind: 'Secret', version: 'v1', fieldSpecs: [{ kind: 'Widget', path: 'spec/secretRef/name' }] },
      { kind: 'Gadget', version: 'v2', fieldSpecs: [{ kind: 'Widget', path: 'spec/gadget/id' }] },
    ]);
  });

  it('pools a reference with the default table entry of the same kind', () => {
    const merged = mergeTransformerConfig(defaultTransformerConfig, config);
    const secret = merged.nameReference.find((r) => r.kind === 'Secret')!;
    expect(secret.fieldSpecs.at(-1)).toEqual({ kind: 'Widget', path: 'spec/secretRef/name' });
    expect(merged.nameReference.filter((r) => r.kind === 'Secret')).toHaveLength(1);
  });

  it('rejects a document that is not a map of definitions, in Go decoding words', () => {
    expect(() => transformerConfigFromCrds(['x'], 'crds.json')).toThrow(
      "unable to parse open API definition from 'crds.json': error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type accumulator.nameToApiMap",
    );
    // `kubectl kustomize` with a CustomResourceDefinition object listed under crds:.
    expect(() => transformerConfigFromCrds({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' }, 'crd.yaml')).toThrow(
      'json: cannot unmarshal string into Go value of type accumulator.OpenAPIDefinition',
    );
    expect(transformerConfigFromCrds({ 'example.com/v1.Nothing': null }, 'crds.json')).toBeDefined();
  });
});
