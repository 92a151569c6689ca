import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatchError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import { applyJson6902 } from './apply.js';
import { parseJson6902, type JsonPatchOperation } from './operations.js';

// Expectations marked "kubectl" come from `kubectl kustomize` (kustomize v5.5.0) with the operations as a
// `patches:` entry targeting the resource; error texts are the ones it printed.

const configMap = (data: JsonValue): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });

function apply(document: JsonValue, operations: JsonValue): JsonValue {
  return applyJson6902(document, parseJson6902(operations));
}

function failure(document: JsonValue, operations: JsonValue): PatchError {
  try {
    apply(document, operations);
  } catch (error) {
    if (error instanceof PatchError) return error;
    throw error;
  }
  throw new Error('expected the patch to fail');
}

describe('add', () => {
  it('adds and overwrites object keys', () => {
    expect(apply(configMap({ a: '1' }), [{ op: 'add', path: '/data/a', value: '2' }, { op: 'add', path: '/data/b', value: { x: 1 } }])).toEqual(configMap({ a: '2', b: { x: 1 } }));
  });

  it('inserts into arrays; `-` and -1 append, other negative indices count back from one past the end', () => {
    // kubectl: add at -1 appends; add at -2 to [b, "123", a] gives [b, "123", neg, a]
    expect(apply(configMap({ l: ['a'] }), [{ op: 'add', path: '/data/l/-', value: 'b' }, { op: 'add', path: '/data/l/-1', value: 'c' }])).toEqual(configMap({ l: ['a', 'b', 'c'] }));
    expect(apply(configMap({ l: ['b', '123', 'a'] }), [{ op: 'add', path: '/data/l/-2', value: 'neg' }])).toEqual(configMap({ l: ['b', '123', 'neg', 'a'] }));
    expect(apply(configMap({ l: ['x'] }), [{ op: 'add', path: '/data/l/0', value: 'first' }, { op: 'add', path: '/data/l/2', value: 'last' }])).toEqual(
      configMap({ l: ['first', 'x', 'last'] }),
    );
  });

  it('adds null when the operation has no value', () => {
    // kubectl: {op: add, path: /y} gives y: null
    expect(apply(configMap({}), [{ op: 'add', path: '/data/y' }])).toEqual(configMap({ y: null }));
  });

  it('ignores the first segment of a path that does not start with /', () => {
    // kubectl: whatever/data/b adds data.b
    expect(apply(configMap({ a: '1' }), [{ op: 'add', path: 'whatever/data/b', value: '2' }])).toEqual(configMap({ a: '1', b: '2' }));
  });

  it('reports indices out of range and missing parents', () => {
    // kubectl texts
    expect(failure(configMap({ l: ['a', 'b', 'c'] }), [{ op: 'add', path: '/data/l/7', value: 1 }]).reason).toBe(
      "error in add for path: '/data/l/7': Unable to access invalid index: 7: invalid index referenced",
    );
    expect(failure(configMap({ l: [] }), [{ op: 'add', path: '/data/l/x', value: 1 }]).reason).toBe(
      'error in add for path: \'/data/l/x\': value was not a proper array index: \'x\': strconv.Atoi: parsing "x": invalid syntax',
    );
    const missingParent = failure(configMap({}), [{ op: 'add', path: '/nope/x', value: 1 }]);
    expect(missingParent.reason).toBe('add operation does not apply: doc is missing path: "/nope/x": missing value');
    expect(missingParent.operationIndex).toBe(0);
    expect(missingParent.path).toBe('/nope/x');
    expect(missingParent.message).toContain('JSON patch operation 0');
  });
});

describe('remove', () => {
  it('removes keys (also null-valued ones) and elements, negative indices from the end', () => {
    expect(apply(configMap({ a: null, l: ['x', 'y', 'z'] }), [{ op: 'remove', path: '/data/a' }, { op: 'remove', path: '/data/l/-1' }, { op: 'remove', path: '/data/l/0' }])).toEqual(
      configMap({ l: ['y'] }),
    );
  });

  it('reports what is missing', () => {
    // kubectl texts
    expect(failure(configMap({}), [{ op: 'remove', path: '/metadata/nope' }]).reason).toBe("error in remove for path: '/metadata/nope': Unable to remove nonexistent key: nope: missing value");
    expect(failure(configMap({}), [{ op: 'remove', path: '/nope/x' }]).reason).toBe('remove operation does not apply: doc is missing path: "/nope/x": missing value');
    expect(failure(configMap({ l: ['x'] }), [{ op: 'remove', path: '/data/l/-' }]).reason).toBe('error in remove for path: \'/data/l/-\': strconv.Atoi: parsing "-": invalid syntax');
  });
});

describe('replace', () => {
  it('replaces values and adds a missing object key', () => {
    // kubectl: replace of the missing /metadata/namespace adds it
    expect(apply(configMap({ a: '1' }), [{ op: 'replace', path: '/data/a', value: '2' }, { op: 'replace', path: '/metadata/namespace', value: 'x' }])).toEqual({
      ...configMap({ a: '2' }),
      metadata: { name: 'c', namespace: 'x' },
    });
  });

  it('replaces elements by negative index', () => {
    // kubectl: [x, y] with replace -1 → z and add -3 → first gives [first, x, z]
    expect(apply(configMap({ l: ['x', 'y'] }), [{ op: 'replace', path: '/data/l/-1', value: 'z' }, { op: 'add', path: '/data/l/-3', value: 'first' }])).toEqual(
      configMap({ l: ['first', 'x', 'z'] }),
    );
  });

  it('reports a missing element', () => {
    // kubectl text
    expect(failure(configMap({ l: [1] }), [{ op: 'replace', path: '/data/l/5', value: 1 }]).reason).toBe(
      'replace operation does not apply: doc is missing key: /data/l/5: missing value',
    );
  });

  it('replaces the root only with an object or array, doing nothing otherwise', () => {
    // kubectl: replacing "" with "x" leaves the resource as it was
    expect(apply(configMap({ a: '1' }), [{ op: 'replace', path: '', value: 'x' }])).toEqual(configMap({ a: '1' }));
    expect(apply(configMap({}), [{ op: 'replace', path: '', value: { kind: 'X' } }])).toEqual({ kind: 'X' });
    // kubectl: json: cannot unmarshal array into Go value of type map[string]interface {}
    expect(failure(configMap({}), [{ op: 'replace', path: '', value: [1] }]).reason).toBe('json: cannot unmarshal array into Go value of type map[string]interface {}');
    expect(apply([1], [{ op: 'replace', path: '', value: [2] }])).toEqual([2]);
  });
});

describe('move, copy and test', () => {
  it('moves keys and elements', () => {
    // kubectl: data {b: "1", l: [y, z, x]}
    expect(
      apply(configMap({ a: '1', l: ['x', 'y', 'z'] }), [
        { op: 'move', from: '/data/a', path: '/data/b' },
        { op: 'move', from: '/data/l/0', path: '/data/l/-' },
        { op: 'test', path: '/data/l', value: ['y', 'z', 'x'] },
        { op: 'test', path: '/data/nope', value: null },
      ]),
    ).toEqual(configMap({ b: '1', l: ['y', 'z', 'x'] }));
  });

  it('reports a missing move source by its key', () => {
    // kubectl text
    expect(failure(configMap({}), [{ op: 'move', from: '/nope', path: '/a' }]).reason).toBe("error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value");
  });

  it('copies deeply, and copies null from a missing key', () => {
    // kubectl: copy from /data/nope adds b: null
    expect(apply(configMap({ a: '1' }), [{ op: 'copy', from: '/data/nope', path: '/data/b' }])).toEqual(configMap({ a: '1', b: null }));
    const copied = apply(configMap({ m: { x: 1 } }), [{ op: 'copy', from: '/data/m', path: '/data/n' }, { op: 'add', path: '/data/n/y', value: 2 }]);
    expect(copied).toEqual(configMap({ m: { x: 1 }, n: { x: 1, y: 2 } }));
    // kubectl: copying /data into its own child copies the value as it was
    expect(apply(configMap({ a: 1 }), [{ op: 'copy', from: '/data', path: '/data/self' }])).toEqual(configMap({ a: 1, self: { a: 1 } }));
  });

  it('tests by JSON equality and reports a failed test', () => {
    expect(apply(configMap({ m: { a: [1, { b: true }] } }), [{ op: 'test', path: '/data/m', value: { a: [1, { b: true }] } }])).toEqual(configMap({ m: { a: [1, { b: true }] } }));
    // kubectl text
    expect(failure(configMap({}), [{ op: 'test', path: '/metadata/name', value: 'x' }]).reason).toBe('testing value /metadata/name failed: test failed');
    expect(failure(configMap({}), [{ op: 'test', path: '/metadata/name' }]).reason).toBe('testing value /metadata/name failed: test failed');
  });

  it('decodes ~1 and ~0 in tokens', () => {
    // kubectl: a/b replaced, c~d removed
    const document: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { 'a/b': '1', 'c~d': '2' } } };
    expect(apply(document, [{ op: 'replace', path: '/metadata/annotations/a~1b', value: 'x' }, { op: 'remove', path: '/metadata/annotations/c~0d' }])).toEqual({
      ...document,
      metadata: { name: 'c', annotations: { 'a/b': 'x' } },
    });
  });

  it('treats __proto__ as a key', () => {
    const result = apply(configMap({}), [{ op: 'add', path: '/data/__proto__', value: { polluted: true } }]) as JsonObject;
    const data = result['data'] as JsonObject;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: true });
  });
});

describe('copying', () => {
  it('changes neither the document nor the operations and shares untouched parts', () => {
    const document = configMap({ a: { x: 1 }, b: { y: 2 } });
    const operations: JsonPatchOperation[] = [{ op: 'add', path: '/data/a/z', value: { deep: [1] } }];
    const before = JSON.stringify([document, operations]);
    const result = applyJson6902(document, operations) as JsonObject;
    expect(JSON.stringify([document, operations])).toBe(before);
    expect((result['data'] as JsonObject)['b']).toBe((document['data'] as JsonObject)['b']);
    expect(result['metadata']).toBe(document['metadata']);
  });
});

describe('laws', () => {
  const key = fc.string({ minLength: 1, maxLength: 6 });
  const json: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue>;

  /** Pointers to containers in a document, with the container. */
  function containers(value: JsonValue, pointer = ''): [string, JsonObject | JsonValue[]][] {
    if (typeof value !== 'object' || value === null) return [];
    const children = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
    return [[pointer, value], ...children.flatMap(([k, v]) => containers(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
  }

  it('an add followed by a remove of the same new path restores the document', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json), key, json, fc.nat(), fc.nat(), (data, newKey, value, pick, position) => {
        const document = configMap(data);
        const [pointer, container] = containers(document)[pick % containers(document).length] as [string, JsonObject | JsonValue[]];
        fc.pre(Array.isArray(container) || !Object.prototype.hasOwnProperty.call(container, newKey));
        const token = Array.isArray(container) ? String(position % (container.length + 1)) : newKey.replace(/~/g, '~0').replace(/\//g, '~1');
        const path = `${pointer}/${token}`;
        const added = applyJson6902(document, [{ op: 'add', path, value }]);
        expect(applyJson6902(added, [{ op: 'remove', path }])).toEqual(document);
      }),
    );
  });
});
