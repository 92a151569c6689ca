import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../json.js';
import { PatchError } from '../errors.js';
import { combineSchemas, schemaFromOpenApi, builtinSchema } from '../schema/lookup.js';
import { strategicMerge } from './merge.js';
import { recordScalarNode } from '../scalar-nodes.js';

// Every expectation marked "kubectl" was produced by `kubectl kustomize` (kustomize v5.5.0) on a tree with the
// resource and a `patches: - path: patch.yaml` entry, compared as data.

function deployment(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', ...metadata }, spec };
}

function podSpec(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return deployment({ template: { spec } }, metadata);
}

function containersOf(document: JsonObject | null): JsonValue {
  return ((document?.['spec'] as JsonObject)['template'] as JsonObject)['spec'] as JsonObject;
}

describe('maps', () => {
  it('merges fields, adds new ones and deletes fields set to null in the patch', () => {
    const original: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: '1', b: '2' } }, data: { x: '1', y: '2' } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { b: null, c: '3' } }, data: { y: '3', z: { n: 1 } } };
    expect(strategicMerge(original, patch)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { a: '1', c: '3' } },
      data: { x: '1', y: '3', z: { n: 1 } },
    });
  });

  it('keeps explicit nulls of the original and drops nulls inside maps the patch adds', () => {
    // kubectl: `bar: null` stays; the patch's new map loses its null field; a patch null for a missing field adds nothing.
    const original: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { bar: null, keep: 'x' } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { keep: 'y', newnull: null, newmap: { x: null, y: 1 } } };
    expect(strategicMerge(original, patch)?.['data']).toEqual({ bar: null, keep: 'y', newmap: { y: 1 } });
  });

  it('$patch: delete removes a map and $patch: replace replaces it', () => {
    const original = podSpec({ nodeSelector: { disk: 'ssd', zone: 'a' }, securityContext: { runAsUser: 1, fsGroup: 2 } });
    const patch = podSpec({ nodeSelector: { $patch: 'delete' }, securityContext: { $patch: 'replace', runAsUser: 3 } });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ securityContext: { runAsUser: 3 } });
  });

  it('$patch: merge is the default and is removed', () => {
    const original = podSpec({ nodeSelector: { disk: 'ssd' } });
    const patch = podSpec({ nodeSelector: { $patch: 'merge', zone: 'a' } });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ nodeSelector: { disk: 'ssd', zone: 'a' } });
  });

  it('directives inside a map the original lacks are applied to the added map', () => {
    const original = podSpec({});
    const patch = podSpec({ securityContext: { seLinuxOptions: { $patch: 'delete', user: 'u' }, runAsUser: 1 } });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ securityContext: { runAsUser: 1 } });
  });

  it('rejects an unknown $patch value where the original has the map', () => {
    // kubectl: unknown patch strategy 'bogus'
    const original: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { x: '1' } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { $patch: 'bogus' } };
    expect(() => strategicMerge(original, patch)).toThrow("unknown patch strategy 'bogus'");
  });

  it('keeps an unknown $patch value as a field where the original lacks the map', () => {
    // kubectl: data: {$patch: bogus, y: "2"}
    const original: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { $patch: 'bogus', y: '2' } };
    expect(strategicMerge(original, patch)?.['data']).toEqual({ $patch: 'bogus', y: '2' });
  });

  it('returns null when the patch deletes the whole resource', () => {
    expect(strategicMerge(podSpec({}), { ...podSpec({}), $patch: 'delete' })).toBeNull();
  });

  it('leaves the resource unchanged for $patch: replace at the top', () => {
    // kubectl: the patch has no effect at all, not even on spec.type.
    const original: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'Service', $patch: 'replace', metadata: { name: 's' }, spec: { type: 'ClusterIP' } };
    expect(strategicMerge(original, patch)).toBe(original);
  });

  it('gives a number or boolean replacing a quoted string the quoted style, making it a string', () => {
    // kubectl, original `a: "true"`, `c: "10"`, `e: ""`, `d: plain`; patch a: false, c: 11, e: 4, d: 3.
    const original: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { a: 'true', c: '10', e: '', d: 'plain', f: 'two\nlines\n' } };
    const patch: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { a: false, c: 11, e: 4, d: 3, f: 5 } };
    expect(strategicMerge(original, patch)?.['spec']).toEqual({ a: 'false', c: '11', e: '4', d: 3, f: '5' });
  });

  it('lets the caller say which strings were quoted', () => {
    // kubectl, original `g: "x"` (quoted although it need not be) patched with g: 6 gives "6".
    const original: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { g: 'x' } };
    const patch: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { g: 6 } };
    expect(strategicMerge(original, patch, { isQuoted: () => true })?.['spec']).toEqual({ g: '6' });
    expect(strategicMerge(original, patch)?.['spec']).toEqual({ g: 6 });
  });

  it('reports fields whose kinds differ, naming the field', () => {
    // kubectl: wrong node kind: expected MappingNode but got ScalarNode: node contents: oops
    const original: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { x: '1' } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: 'oops' };
    let caught: unknown;
    try {
      strategicMerge(original, patch);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PatchError);
    expect((caught as PatchError).reason).toMatch(/^wrong node kind: expected MappingNode but got ScalarNode: node contents:\n"oops"$/);
    expect((caught as PatchError).path).toBe('data');
  });

  it('names list elements by their merge keys in error paths', () => {
    const original = podSpec({ containers: [{ name: 'a', resources: { limits: { cpu: '1' } } }] });
    const patch = podSpec({ containers: [{ name: 'a', resources: ['x'] }] });
    expect(() => strategicMerge(original, patch)).toThrow(expect.objectContaining({ path: 'spec.template.spec.containers[name=a].resources' }));
  });

  it('treats keys such as __proto__ as data', () => {
    const original = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"__proto__":"a"}}') as JsonObject;
    const patch = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"__proto__":"b","constructor":"c"}}') as JsonObject;
    const data = strategicMerge(original, patch)?.['data'] as JsonObject;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('b');
    expect(Object.getOwnPropertyDescriptor(data, 'constructor')?.value).toBe('c');
  });
});

describe('lists merged by key', () => {
  it('merges containers by name, patch elements first, then the other original elements', () => {
    // kubectl: [b (patched), c (new), a]
    const original = podSpec({ containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'b' }] });
    const patch = podSpec({ containers: [{ name: 'b', image: 'b2', env: [{ name: 'X', value: '1' }] }, { name: 'c', image: 'c' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({
      containers: [
        { name: 'b', image: 'b2', env: [{ name: 'X', value: '1' }] },
        { name: 'c', image: 'c' },
        { name: 'a', image: 'nginx' },
      ],
    });
  });

  it('deletes an element with {<key>: …, $patch: delete}', () => {
    const original = podSpec({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    const patch = podSpec({ containers: [{ name: 'b', $patch: 'delete' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'a' }, { name: 'c' }] });
  });

  it('replaces the whole list with a {$patch: replace} element', () => {
    // kubectl: [{name: c, image: y}]
    const original = podSpec({ containers: [{ name: 'a', image: 'x' }, { name: 'b' }] });
    const patch = podSpec({ containers: [{ $patch: 'replace' }, { name: 'c', image: 'y' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'c', image: 'y' }] });
  });

  it('deletes the whole list with a {$patch: delete} element', () => {
    const original = podSpec({ containers: [{ name: 'a' }], volumes: [{ name: 'v' }] });
    const patch = podSpec({ volumes: [{ $patch: 'delete' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'a' }] });
  });

  it('ignores $patch: replace on an element that the original has (kyaml merges the element back)', () => {
    // kubectl: the container stays {name: a, image: x, args: ["1"]}
    const original = podSpec({ containers: [{ name: 'a', image: 'x', args: ['1'] }] });
    const patch = podSpec({ containers: [{ name: 'a', image: 'y', $patch: 'replace' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'a', image: 'x', args: ['1'] }] });
  });

  it('applies element directives and nulls when the original has no such list', () => {
    // kubectl: containers: [{name: b, image: x, env: [{name: A}]}]
    const original = podSpec({ volumes: [] });
    const patch = podSpec({ containers: [{ name: 'a', $patch: 'delete' }, { name: 'b', image: 'x', env: [{ name: 'A', value: null }] }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ volumes: [], containers: [{ name: 'b', image: 'x', env: [{ name: 'A' }] }] });
  });

  it('keeps a list-level {$patch: replace} element when the original has no such list', () => {
    // kubectl: containers: [{$patch: replace}] (the element without a name empties the list around it)
    const original = podSpec({});
    const patch = podSpec({ containers: [{ $patch: 'replace' }, { name: 'a' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ $patch: 'replace' }] });
  });

  it('merges container ports by containerPort and protocol', () => {
    // kubectl: [53/TCP (new), 53/UDP, 80/TCP named http]
    const original = podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80, protocol: 'TCP' }] }] });
    const patch = podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 53, protocol: 'TCP' }, { containerPort: 80, protocol: 'TCP', name: 'http' }] }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({
      containers: [{ name: 'a', ports: [{ containerPort: 53, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }, { containerPort: 80, protocol: 'TCP', name: 'http' }] }],
    });
  });

  it('loses a patched port with a protocol when the original port has none (kyaml does not default TCP)', () => {
    // kubectl: ports stay [{containerPort: 80}, {containerPort: 90, protocol: UDP}]
    const original = podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 80 }, { containerPort: 90, protocol: 'UDP' }] }] });
    const patch = podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'a', ports: [{ containerPort: 80 }, { containerPort: 90, protocol: 'UDP' }] }] });
  });

  it('merges Service ports by port and protocol', () => {
    // kubectl: [53/TCP dns-tcp (new), 53/UDP dns, 80/TCP http with targetPort]
    const original: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 53, protocol: 'UDP', name: 'dns' }, { port: 80, protocol: 'TCP', name: 'http' }] } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 53, protocol: 'TCP', name: 'dns-tcp' }, { port: 80, protocol: 'TCP', targetPort: 8080 }] } };
    expect(strategicMerge(original, patch)?.['spec']).toEqual({
      ports: [
        { port: 53, protocol: 'TCP', name: 'dns-tcp' },
        { port: 53, protocol: 'UDP', name: 'dns' },
        { port: 80, protocol: 'TCP', name: 'http', targetPort: 8080 },
      ],
    });
  });

  it('empties the list around an element that lacks the merge key', () => {
    // kubectl: env: [{value: "2"}] — the named variable is lost
    const original = podSpec({ containers: [{ name: 'b', env: [{ name: 'X', value: '1' }, { value: '2' }] }] });
    const patch = podSpec({ containers: [{ name: 'b', image: 'b' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'b', env: [{ value: '2' }], image: 'b' }] });
  });

  it('drops null and empty elements, and a null element empties what came before it', () => {
    // kubectl: [{name: c}, {name: a}]
    const original = podSpec({ containers: [{ name: 'a' }, null, { name: 'b' }, {}] });
    const patch = podSpec({ containers: [{ name: 'c' }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ containers: [{ name: 'c' }, { name: 'a' }] });
  });

  it('collapses duplicate keys of the original even where the patch does not reach', () => {
    // kubectl: env: [{name: E, value: "2"}] after a patch of spec.replicas only
    const original = deployment({ replicas: 1, template: { spec: { containers: [{ name: 'a', env: [{ name: 'E', value: '1' }, { name: 'E', value: '2' }] }] } } });
    const patch = deployment({ replicas: 3 });
    expect(strategicMerge(original, patch)?.['spec']).toEqual({ replicas: 3, template: { spec: { containers: [{ name: 'a', env: [{ name: 'E', value: '2' }] }] } } });
  });

  it('merges lists of scalars with a merge strategy (finalizers) by value, patch values first, deduplicated', () => {
    // kubectl: [c, a, b]
    const original: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['b', 'a', 'b'] } };
    const patch: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['c', 'a'] } };
    expect((strategicMerge(original, patch)?.['metadata'] as JsonObject)['finalizers']).toEqual(['c', 'a', 'b']);
  });

  it('merges the elements of merge-strategy lists field by field, without retainKeys', () => {
    // kubectl: volumes (merge,retainKeys) keep emptyDir next to the new configMap; strategy (retainKeys) keeps rollingUpdate
    const original = deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }, template: { spec: { volumes: [{ name: 'v', emptyDir: {} }] } } });
    const patch = deployment({ strategy: { type: 'Recreate' }, template: { spec: { volumes: [{ name: 'v', configMap: { name: 'c' } }] } } });
    expect(strategicMerge(original, patch)?.['spec']).toEqual({
      strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } },
      template: { spec: { volumes: [{ name: 'v', emptyDir: {}, configMap: { name: 'c' } }] } },
    });
  });

  it("merges kubectl's $setElementOrder, $retainKeys and $deleteFromPrimitiveList as ordinary fields", () => {
    // kubectl: the directive keys appear in the output as written
    const original = podSpec({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }, { finalizers: ['a', 'b'] });
    const patch = podSpec(
      { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'z', $retainKeys: ['name'] }] },
      { '$deleteFromPrimitiveList/finalizers': ['a'] },
    );
    const result = strategicMerge(original, patch);
    expect(result?.['metadata']).toEqual({ name: 'd', finalizers: ['a', 'b'], '$deleteFromPrimitiveList/finalizers': ['a'] });
    expect(containersOf(result)).toEqual({
      containers: [{ name: 'a', image: 'z', $retainKeys: ['name'] }, { name: 'b', image: 'y' }],
      '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
    });
  });
});

describe('lists replaced whole', () => {
  it('replaces lists without a merge strategy (args, tolerations)', () => {
    const original = podSpec({ tolerations: [{ key: 'a' }, { key: 'b' }], containers: [{ name: 'a', args: ['1', '2'] }] });
    const patch = podSpec({ tolerations: [{ key: 'c' }], containers: [{ name: 'a', args: ['3'] }] });
    expect(containersOf(strategicMerge(original, patch))).toEqual({ tolerations: [{ key: 'c' }], containers: [{ name: 'a', args: ['3'] }] });
  });

  it('replaces every list of a kind the schema does not know, directives and nulls included', () => {
    // kubectl: items: [{$patch: delete, name: a, v: null}], and the map directive still applies
    const original: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { items: [{ name: 'a', v: 1 }, { name: 'b' }], m: { x: 1, y: { z: 2 } } } };
    const patch: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { items: [{ name: 'a', v: null, $patch: 'delete' }], m: { y: { $patch: 'replace', w: 3 } } } };
    expect(strategicMerge(original, patch)?.['spec']).toEqual({ items: [{ name: 'a', v: null, $patch: 'delete' }], m: { x: 1, y: { w: 3 } } });
  });

  it('uses the schema of an embedded object by its own apiVersion and kind', () => {
    // kubectl: the Pod template inside the unknown kind merges containers by name
    const original: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { template: { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } } } };
    const patch: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { template: { spec: { containers: [{ name: 'b', image: 'y' }] } } } };
    expect(strategicMerge(original, patch)?.['spec']).toEqual({
      template: { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'b', image: 'y' }, { name: 'a', image: 'x' }] } },
    });
  });
});

describe('schemas', () => {
  const widgetSchema = {
    definitions: {
      'example.v1.Widget': {
        type: 'object',
        properties: { spec: { $ref: '#/definitions/example.v1.WidgetSpec' } },
        'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Widget' }],
      },
      'example.v1.WidgetSpec': {
        type: 'object',
        properties: { items: { type: 'array', items: { type: 'object' }, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' } },
      },
    },
  };
  const widget = (items: JsonValue[]): JsonObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { items } });

  it('merges a custom kind by the merge keys of an openapi document', () => {
    const result = strategicMerge(widget([{ name: 'a', v: 1 }, { name: 'b' }]), widget([{ name: 'a', w: 2 }]), { schema: schemaFromOpenApi(widgetSchema) });
    expect(result?.['spec']).toEqual({ items: [{ name: 'a', v: 1, w: 2 }, { name: 'b' }] });
  });

  it('replaces the built-in schema with a custom one, as kustomize does', () => {
    // kubectl with `openapi: {path: …}` describing only another kind: Deployment containers are replaced
    const original = podSpec({ containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'b' }] });
    const patch = podSpec({ containers: [{ name: 'b', image: 'b2' }] });
    expect(containersOf(strategicMerge(original, patch, { schema: schemaFromOpenApi(widgetSchema) }))).toEqual({ containers: [{ name: 'b', image: 'b2' }] });
  });

  it('combines a custom schema with the built-in one on request', () => {
    const schema = combineSchemas(schemaFromOpenApi(widgetSchema), builtinSchema);
    const original = podSpec({ containers: [{ name: 'a' }, { name: 'b' }] });
    expect(containersOf(strategicMerge(original, podSpec({ containers: [{ name: 'b', image: 'b2' }] }), { schema }))).toEqual({ containers: [{ name: 'b', image: 'b2' }, { name: 'a' }] });
    expect(strategicMerge(widget([{ name: 'a' }]), widget([{ name: 'c' }]), { schema })?.['spec']).toEqual({ items: [{ name: 'c' }, { name: 'a' }] });
  });
});

describe('copying', () => {
  it('changes neither input and shares what the patch leaves alone', () => {
    const original = podSpec({ containers: [{ name: 'a', image: 'x', env: [{ name: 'E', value: '1' }] }], volumes: [{ name: 'v', emptyDir: {} }] }, { labels: { a: '1' } });
    const patch = podSpec({ containers: [{ name: 'a', image: 'y' }] });
    const originalText = JSON.stringify(original);
    const patchText = JSON.stringify(patch);
    const result = strategicMerge(original, patch) as JsonObject;
    expect(JSON.stringify(original)).toBe(originalText);
    expect(JSON.stringify(patch)).toBe(patchText);
    expect(result['metadata']).toBe(original['metadata']);
    const spec = containersOf(result) as JsonObject;
    const originalSpec = containersOf(original) as JsonObject;
    expect(spec['volumes']).toBe(originalSpec['volumes']);
    expect(((spec['containers'] as JsonObject[])[0] as JsonObject)['env']).toBe(((originalSpec['containers'] as JsonObject[])[0] as JsonObject)['env']);
  });
});

describe('strategicMerge: empty nulls', () => {
  it('drops a null recorded as written with nothing (`key:`) that the patch does not mention, and keeps other nulls', () => {
    const original: JsonObject = { kind: 'ConfigMap', data: { empty: null, written: null, set: 'x' } };
    recordScalarNode(original.data as JsonObject, 'empty', { text: '', tag: '!!null' });
    expect(strategicMerge(original, { kind: 'ConfigMap', other: 1 })).toEqual({ kind: 'ConfigMap', other: 1, data: { written: null, set: 'x' } });
    expect(strategicMerge(original, { kind: 'ConfigMap', data: { empty: 'now' } })).toEqual({ kind: 'ConfigMap', data: { empty: 'now', written: null, set: 'x' } });
  });
});
