import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../../json.js';
import { setMatchingFields } from './target-path.js';

describe('setMatchingFields', () => {
  it('returns the very same root when the setter keeps every value (copy-on-write)', () => {
    const part = fc.constantFrom('a', 'b', '0', '1', '*', '[name=x]', '[=1]');
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(part, { maxLength: 4 }), (root, parts) => {
        try {
          const walked = setMatchingFields(root as JsonValue, parts, false, (current) => ({ value: current as JsonValue }));
          expect(walked.node).toBe(root);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }),
    );
  });

  it('counts every element a wildcard reaches and writes each', () => {
    const walked = setMatchingFields({ l: [{ v: 1 }, { v: 2 }, { w: 3 }] }, ['l', '*', 'v'], false, () => ({ value: 0 }));
    expect(walked).toEqual({ node: { l: [{ v: 0 }, { v: 0 }, { w: 3 }] }, matches: 2 });
  });

  it('tells a created leaf apart from an existing one, and gives a [=value] element its text', () => {
    const seen: [JsonValue | undefined, string | undefined][] = [];
    setMatchingFields({ l: [] }, ['l', '[=abc]'], true, (current, text) => {
      seen.push([current, text]);
      return { value: 'x' };
    });
    setMatchingFields({}, ['m'], true, (current, text) => {
      seen.push([current, text]);
      return { value: 'x' };
    });
    expect(seen).toEqual([
      [undefined, 'abc'],
      [undefined, undefined],
    ]);
  });

  it('refuses to create an element its own pattern would not match', () => {
    expect(() => setMatchingFields({ l: [] }, ['l', '[name=^x$]', 'v'], true, () => ({ value: 1 }))).toThrow('does not match its own pattern');
  });
});
