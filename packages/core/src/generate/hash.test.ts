import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { newResource } from '../resource/resource.js';
import { compareGoStrings, goJson } from './gojson.js';
import { addHashSuffixes, contentHash } from './index.js';

/** An object with `entries` defined in the given order. */
function objectOf(entries: ReadonlyArray<readonly [string, string]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

describe('contentHash', () => {
  // Names printed by kubectl kustomize (Kustomize v5.5.0) for configMapGenerator/secretGenerator entries with these contents.
  it.each([
    [{ kind: 'Secret', type: 'Opaque', data: { x: 'MQ==' } }, 'bf2648c599'],
    [{ kind: 'Secret', type: 'Opaque', data: {} }, '46f8b28mk5'],
    [{ kind: 'Secret', type: 'foo', data: {} }, '2tfmk86mf7'],
    [{ kind: 'ConfigMap', data: { a: '\b' } }, 'btg76k55hc'],
    [{ kind: 'ConfigMap', data: { a: '<>&' } }, 'fkg7g6b7g5'],
    [{ kind: 'ConfigMap', data: { a: '\u2028' } }, 'd4797728th'],
    [{ kind: 'ConfigMap', data: { a: '\u{1F600}' } }, '6b49htmfck'],
    [{ kind: 'ConfigMap', data: { a: '1', b: '3', c: '4' } }, 'fbcmkbc66h'],
  ])('%j hashes to %s', (object, hash) => {
    expect(contentHash({ apiVersion: 'v1', metadata: { name: 'any' }, ...object })).toBe(hash);
  });

  it('ignores name, namespace, labels, annotations and immutable', () => {
    const plain: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } };
    const decorated: JsonObject = { ...plain, metadata: { name: 'b', namespace: 'n', labels: { l: 'x' }, annotations: { a: 'y' } }, immutable: true };
    expect(contentHash(decorated)).toBe(contentHash(plain));
  });

  it('counts binaryData of a ConfigMap and stringData of a Secret', () => {
    const configMap: JsonObject = { kind: 'ConfigMap', data: { k: 'v' } };
    expect(contentHash({ ...configMap, binaryData: { b: 'AA==' } })).not.toBe(contentHash(configMap));
    const secret: JsonObject = { kind: 'Secret', type: 'Opaque', data: {} };
    expect(contentHash({ ...secret, stringData: { s: 'x' } })).not.toBe(contentHash(secret));
  });

  it('refuses kinds kustomize hashes by their YAML node structure', () => {
    expect(() => contentHash({ kind: 'Deployment' })).toThrow(KustomizeError);
  });

  it('is deterministic and independent of key order', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' })), { selector: ([key]) => key, maxLength: 8 });
    fc.assert(
      fc.property(entries, fc.boolean(), (pairs, secret) => {
        const reversed = [...pairs].reverse();
        const first: JsonObject = secret ? { kind: 'Secret', type: 'Opaque', data: objectOf(pairs) } : { kind: 'ConfigMap', data: objectOf(pairs) };
        const second: JsonObject = secret ? { data: objectOf(reversed), type: 'Opaque', kind: 'Secret' } : { data: objectOf(reversed), kind: 'ConfigMap' };
        const hash = contentHash(first);
        expect(hash).toMatch(/^[0-9a-z]{10}$/);
        expect(contentHash(first)).toBe(hash);
        expect(contentHash(second)).toBe(hash);
      }),
    );
  });
});

describe('addHashSuffixes', () => {
  it('renames only resources that need it and remembers the previous id', () => {
    const hashed = newResource({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { x: 'MQ==' } }, { needsHashSuffix: true });
    const plain = newResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const [renamed, untouched] = addHashSuffixes([hashed, plain]);
    expect((renamed?.object['metadata'] as JsonObject)['name']).toBe('s-bf2648c599');
    expect(renamed?.previousIds).toEqual([{ group: '', version: 'v1', kind: 'Secret', name: 's', namespace: 'default' }]);
    expect(untouched).toBe(plain);
    expect((hashed.object['metadata'] as JsonObject)['name']).toBe('s');
  });
});

describe('SHA-256 of @noble/hashes', () => {
  it('matches node:crypto, so the name-suffix hash is kustomize\'s in a browser too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesToHex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('goJson', () => {
  it('writes what JSON.parse reads back as the same value (negative zero included, as Go writes -0)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(goJson(value as never))).toEqual(value);
      }),
    );
  });

  it('escapes as Go does', () => {
    expect(goJson({ b: '<>&\u2028\u2029', a: '\b\f\n\r\t\u0001"\\\u007f' })).toBe('{"a":"\\b\\f\\n\\r\\t\\u0001\\"\\\\\u007f","b":"\\u003c\\u003e\\u0026\\u2028\\u2029"}');
  });

  it('orders keys by UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareGoStrings(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });
});
