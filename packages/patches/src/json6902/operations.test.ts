import { describe, expect, it } from 'vitest';
import { PatchError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { parseJson6902 } from './operations.js';

// Error texts marked "kubectl" are what `kubectl kustomize` printed for a `patches:` entry with these operations.

function reasonOf(value: JsonValue): string {
  try {
    parseJson6902(value);
  } catch (error) {
    if (error instanceof PatchError) return error.reason;
    throw error;
  }
  throw new Error('expected parsing to fail');
}

describe('parseJson6902', () => {
  it('reads every kind of operation, keeping a missing value missing', () => {
    expect(
      parseJson6902([
        { op: 'add', path: '/a', value: { b: 1 } },
        { op: 'remove', path: '/a', extra: true },
        { op: 'replace', path: '/a', value: null },
        { op: 'move', from: '/a', path: '/b' },
        { op: 'copy', from: '/a', path: '/b' },
        { op: 'test', path: '/a', value: [1] },
        { op: 'add', path: '/c' },
      ]),
    ).toEqual([
      { op: 'add', path: '/a', value: { b: 1 } },
      { op: 'remove', path: '/a' },
      { op: 'replace', path: '/a', value: null },
      { op: 'move', from: '/a', path: '/b' },
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'test', path: '/a', value: [1] },
      { op: 'add', path: '/c' },
    ]);
  });

  it('reads null as an empty patch, as Go does', () => {
    expect(parseJson6902(null)).toEqual([]);
  });

  it('rejects unknown and missing ops with the library text', () => {
    // kubectl: Unexpected kind: bogus / Unexpected kind: unknown
    expect(reasonOf([{ op: 'bogus', path: '/a' }])).toBe('Unexpected kind: bogus');
    expect(reasonOf([{ path: '/a', value: 1 }])).toBe('Unexpected kind: unknown');
    expect(reasonOf([null])).toBe('Unexpected kind: unknown');
  });

  it('rejects missing or malformed paths with the texts of each operation', () => {
    // kubectl texts
    expect(reasonOf([{ op: 'add', value: 1 }])).toBe('add operation failed to decode path: missing value');
    expect(reasonOf([{ op: 'remove', path: null }])).toBe('remove operation failed to decode path: missing value');
    expect(reasonOf([{ op: 'replace', value: 1 }])).toBe('replace operation failed to decode path: operation missing path field: missing value');
    expect(reasonOf([{ op: 'move', path: '/a' }])).toBe('move operation failed to decode from: operation, missing from field: missing value');
    expect(reasonOf([{ op: 'copy', from: '/metadata' }])).toBe('copy operation failed to decode path: missing value');
    expect(reasonOf([{ op: 'test', path: 5, value: 1 }])).toBe('test operation failed to decode path: json: cannot unmarshal number into Go value of type string');
  });

  it('rejects documents that are not lists of objects, naming the operation', () => {
    expect(reasonOf({ op: 'add' })).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    let caught: unknown;
    try {
      parseJson6902([{ op: 'add', path: '/a' }, 5]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PatchError);
    expect((caught as PatchError).operationIndex).toBe(1);
    expect((caught as PatchError).reason).toBe('json: cannot unmarshal number into Go value of type jsonpatch.Operation');
  });
});
