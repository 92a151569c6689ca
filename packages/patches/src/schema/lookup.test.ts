import { describe, expect, it } from 'vitest';
import { PatchError } from '../errors.js';
import { compactOpenApi } from './compact.js';
import { builtinSchema, combineSchemas, isNamespacedKind, schemaFromOpenApi, type FieldSchema } from './lookup.js';

function at(schema: FieldSchema | undefined, ...path: string[]): FieldSchema | undefined {
  let current = schema;
  for (const step of path) current = step === '[]' ? current?.elements() : current?.field(step);
  return current;
}

describe('builtinSchema', () => {
  const deployment = builtinSchema.resource('apps/v1', 'Deployment');

  it('knows the merge keys kyaml uses for built-in lists', () => {
    const containers = at(deployment, 'spec', 'template', 'spec', 'containers');
    expect(containers?.mergesList).toBe(true);
    expect(containers?.mergeKeys).toEqual(['name']);
    // x-kubernetes-list-map-keys win over the single merge key
    expect(at(containers, '[]', 'ports')?.mergeKeys).toEqual(['containerPort', 'protocol']);
    expect(at(builtinSchema.resource('v1', 'Service'), 'spec', 'ports')?.mergeKeys).toEqual(['port', 'protocol']);
    expect(at(deployment, 'spec', 'template', 'spec', 'volumes')?.patchStrategy).toBe('merge,retainKeys');
    expect(at(deployment, 'spec', 'template', 'spec', 'volumes')?.mergesList).toBe(true);
  });

  it('treats lists of scalars with a merge strategy as merged, without keys', () => {
    const finalizers = at(deployment, 'metadata', 'finalizers');
    expect(finalizers?.mergesList).toBe(true);
    expect(finalizers?.mergeKeys).toEqual([]);
  });

  it('gives no strategy to lists without one and to referenced fields (kyaml drops the siblings of $ref)', () => {
    expect(at(deployment, 'spec', 'template', 'spec', 'tolerations')?.mergesList).toBe(false);
    // DeploymentSpec.strategy carries retainKeys next to its $ref; kyaml resolves the $ref and loses it.
    expect(at(deployment, 'spec', 'strategy')).toBeDefined();
    expect(at(deployment, 'spec', 'strategy')?.patchStrategy).toBeUndefined();
  });

  it('answers map values from additionalProperties and nothing for unknown fields or kinds', () => {
    expect(at(deployment, 'metadata', 'labels', 'anything')).toBeDefined();
    expect(at(deployment, 'spec', 'nope')).toBeUndefined();
    expect(builtinSchema.resource('example.com/v1', 'Widget')).toBeUndefined();
  });

  it("includes kustomize's own Kustomization types", () => {
    const generators = at(builtinSchema.resource('kustomize.config.k8s.io/v1beta1', 'Kustomization'), 'configMapGenerator');
    expect(generators?.mergeKeys).toEqual(['name']);
  });
});

describe('isNamespacedKind', () => {
  it('answers from the Kubernetes v1.21.2 API paths', () => {
    expect(isNamespacedKind('apps/v1', 'Deployment')).toBe(true);
    expect(isNamespacedKind('v1', 'ConfigMap')).toBe(true);
    expect(isNamespacedKind('v1', 'Namespace')).toBe(false);
    expect(isNamespacedKind('rbac.authorization.k8s.io/v1', 'ClusterRole')).toBe(false);
    expect(isNamespacedKind('example.com/v1', 'Widget')).toBeUndefined();
    expect(isNamespacedKind('apps/v1', 'DeploymentList')).toBeUndefined();
  });
});

describe('schemaFromOpenApi', () => {
  const document = {
    definitions: {
      'example.v1.Widget': {
        type: 'object',
        properties: {
          spec: { $ref: '#/definitions/example.v1.WidgetSpec' },
          parts: { type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/definitions/example.v1.Part' }, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'id' } },
          broken: { $ref: 'other.json#/definitions/X' },
        },
        'x-kubernetes-group-version-kind': [
          { group: 'example.com', version: 'v1', kind: 'Widget' },
          { group: '', version: 'v1', kind: 'Widget' },
        ],
      },
      'example.v1.WidgetSpec': { type: 'object', properties: { items: { type: 'array', items: { type: 'object' }, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-map-keys': ['a', 'b'], 'x-kubernetes-patch-merge-key': 'a' } } },
      'example.v1.Part': { type: 'object', properties: { id: { type: 'string' } } },
    },
    paths: {
      '/apis/example.com/v1/namespaces/{namespace}/widgets': { get: { 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Widget' } } },
      '/apis/example.com/v1/widgets': { get: { 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Widget' } } },
      '/apis/example.com/v1/gadgets': { get: { 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Gadget' } } },
    },
  };
  const schema = schemaFromOpenApi(document);

  it('maps every group-version-kind of a definition to it, with the core group spelled without a slash', () => {
    expect(schema.resource('example.com/v1', 'Widget')).toBeDefined();
    expect(schema.resource('v1', 'Widget')).toBe(schema.resource('example.com/v1', 'Widget'));
  });

  it('follows references, map values and list items', () => {
    const widget = schema.resource('example.com/v1', 'Widget');
    expect(at(widget, 'spec', 'items')?.mergeKeys).toEqual(['a', 'b']);
    expect(at(widget, 'parts', 'anyKey')?.mergeKeys).toEqual(['id']);
    expect(at(widget, 'parts', 'anyKey', '[]', 'id')).toBeDefined();
    expect(at(widget, 'broken')).toBeUndefined();
  });

  it('reads namespaced-ness from the paths', () => {
    expect(schema.isNamespaced('example.com/v1', 'Widget')).toBe(true);
    expect(schema.isNamespaced('example.com/v1', 'Gadget')).toBe(false);
    expect(schema.isNamespaced('apps/v1', 'Deployment')).toBeUndefined();
  });

  it('does not include the built-in Kubernetes types but does include the Kustomization types', () => {
    expect(schema.resource('apps/v1', 'Deployment')).toBeUndefined();
    expect(schema.resource('kustomize.config.k8s.io/v1beta1', 'Kustomization')).toBeDefined();
  });

  it('rejects a document that is not an object', () => {
    expect(() => schemaFromOpenApi([1])).toThrow(PatchError);
  });

  it('combines lookups, earlier ones winning', () => {
    const override = schemaFromOpenApi({
      definitions: { 'example.v1.WidgetSpec': { type: 'object', properties: { items: { type: 'array', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'z' } } } },
    });
    const combined = combineSchemas(override, schema, builtinSchema);
    // The reference from the second lookup's Widget resolves to the first lookup's WidgetSpec.
    expect(at(combined.resource('example.com/v1', 'Widget'), 'spec', 'items')?.mergeKeys).toEqual(['z']);
    expect(combined.resource('apps/v1', 'Deployment')).toBeDefined();
    expect(combined.isNamespaced('example.com/v1', 'Widget')).toBe(true);
  });
});

describe('compactOpenApi', () => {
  it('keeps only what the merge reads', () => {
    expect(
      compactOpenApi({
        definitions: {
          A: {
            description: 'dropped',
            type: 'object',
            properties: {
              s: { type: 'string', description: 'x' },
              r: { $ref: '#/definitions/B', 'x-kubernetes-patch-strategy': 'retainKeys' },
              l: { type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'merge' },
              notArray: { type: 'object', items: { type: 'string' } },
            },
          },
          B: { type: 'object' },
        },
      }),
    ).toEqual({ definitions: { A: { p: { s: 0, r: 'B', l: { i: 0, s: 'merge' }, notArray: 0 } }, B: 0 }, kinds: {}, namespaced: {} });
  });
});
