import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyLess, sortKeys } from './key-order.js';

describe('keyLess (yaml.v2 keyList.Less)', () => {
  it('compares runs of digits as numbers', () => {
    expect(keyLess('9', '10')).toBe(true);
    expect(keyLess('a9', 'a10')).toBe(true);
    expect(keyLess('x1y2', 'x1y10')).toBe(true);
  });

  it('puts a shorter run first when the numbers are equal', () => {
    expect(keyLess('a9', 'a09')).toBe(true);
    expect(keyLess('0', '00')).toBe(true);
  });

  it('counts a zero after a non-zero digit as part of the number', () => {
    // At '0' vs '1' after "a1", both runs continue the number 1: 100 against 110.
    expect(keyLess('a100', 'a110')).toBe(true);
    expect(keyLess('a110', 'a100')).toBe(false);
  });

  it('sorts non-letters before letters and letters by code point', () => {
    expect(keyLess('-', 'a')).toBe(true);
    expect(keyLess('_', 'A')).toBe(true);
    expect(keyLess('Z', 'a')).toBe(true);
    expect(keyLess('a', 'é')).toBe(true);
    expect(keyLess('a1', 'ab')).toBe(true);
  });

  it('sorts a prefix first', () => {
    expect(keyLess('ab', 'abc')).toBe(true);
    expect(keyLess('abc', 'ab')).toBe(false);
  });
});

describe('sortKeys', () => {
  it('orders as kubectl does', () => {
    // kubectl kustomize printed these keys in this order.
    expect(sortKeys(['b', 'a', 'A', '_', '1', '10', '9', 'a10', 'a9', 'a09', 'é', '-', 'Z', '0', '00', 'a0', 'a00', '.', 'aB', 'ab'])).toEqual([
      '-', '.', '_', '0', '00', '1', '9', '10', 'A', 'Z', 'a', 'a0', 'a00', 'a9', 'a09', 'a10', 'aB', 'ab', 'b', 'é',
    ]);
  });

  it('gives keys without digits their code-unit order, for any number of keys', () => {
    const letters = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'z', 'é', '-', '.', '/') }), { maxLength: 30 });
    fc.assert(
      fc.property(letters, (keys) => {
        const unique = [...new Set(keys)];
        expect(sortKeys(unique)).toEqual([...unique].sort((a, b) => compareByLess(a, b)));
      }),
    );
  });

  it('returns a permutation of its input and does not change it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', '1', '0', '9', 'b', '-') })), (keys) => {
        const copy = [...keys];
        expect([...sortKeys(keys)].sort()).toEqual([...keys].sort());
        expect(keys).toEqual(copy);
      }),
    );
  });
});

function compareByLess(a: string, b: string): number {
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
}
