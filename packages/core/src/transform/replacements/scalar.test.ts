import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScalar, tagOf } from './scalar.js';

describe('decodeScalar', () => {
  // kubectl kustomize: a replacement writes only the text into a scalar target, which keeps its tag;
  // `cannot decode !!int \`8080\` as a !!bool` when they do not fit.
  it('keeps a string target a string', () => {
    expect(decodeScalar({ tag: 'str', text: '8080' })).toBe('8080');
    expect(decodeScalar({ tag: 'str', text: 'true' })).toBe('true');
    expect(decodeScalar({ tag: 'str', text: '2001-12-14' })).toBe('2001-12-14');
  });

  // kubectl kustomize, fields created by `create: true` from string sources "8080", "true", "", "~",
  // "2001-12-14" and "val": typed by their text, a date written as an RFC 3339 time.
  it('reads the text of an untagged (created) node by its form', () => {
    expect(decodeScalar({ tag: '', text: '8080' })).toBe(8080);
    expect(decodeScalar({ tag: '', text: 'true' })).toBe(true);
    expect(decodeScalar({ tag: '', text: '' })).toBeNull();
    expect(decodeScalar({ tag: '', text: '~' })).toBeNull();
    expect(decodeScalar({ tag: '', text: '1.5' })).toBe(1.5);
    expect(decodeScalar({ tag: '', text: '2001-12-14' })).toBe('2001-12-14T00:00:00Z');
    expect(decodeScalar({ tag: '', text: 'val' })).toBe('val');
  });

  it('reads back every integer it is given as text', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(decodeScalar({ tag: '', text: String(n) })).toBe(n);
        expect(decodeScalar({ tag: 'int', text: String(n) })).toBe(n);
      }),
    );
  });

  it('accepts an integer text in a float field', () => {
    expect(decodeScalar({ tag: 'float', text: '12' })).toBe(12);
  });

  it('refuses a text that does not fit the tag, with kustomize message', () => {
    expect(() => decodeScalar({ tag: 'bool', text: '8080' })).toThrow('cannot decode !!int `8080` as a !!bool');
    expect(() => decodeScalar({ tag: 'null', text: '8080' })).toThrow('cannot decode !!int `8080` as a !!null');
    expect(() => decodeScalar({ tag: 'int', text: 'true' })).toThrow('cannot decode !!bool `true` as a !!int');
    expect(() => decodeScalar({ tag: 'int', text: '' })).toThrow('cannot decode !!null `` as a !!int');
  });

  it('takes null words into a null field', () => {
    expect(decodeScalar({ tag: 'null', text: '' })).toBeNull();
    expect(decodeScalar({ tag: 'null', text: '~' })).toBeNull();
  });

  it('refuses infinities, which have no JSON form', () => {
    expect(() => decodeScalar({ tag: '', text: '.inf' })).toThrow('json: unsupported value: +Inf');
    expect(() => decodeScalar({ tag: '', text: '.nan' })).toThrow('json: unsupported value: NaN');
  });
});

describe('tagOf', () => {
  it('names the YAML type of JSON scalars', () => {
    expect([tagOf('a'), tagOf(1), tagOf(1.5), tagOf(true), tagOf(null)]).toEqual(['str', 'int', 'float', 'bool', 'null']);
  });
});
