import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScalar, resolvePlainScalar, scalarText, tagOf } from './scalar.js';

describe('resolvePlainScalar', () => {
  it.each([
    ['', 'null', null],
    ['~', 'null', null],
    ['Null', 'null', null],
    ['true', 'bool', true],
    ['FALSE', 'bool', false],
    ['8080', 'int', 8080],
    ['-12', 'int', -12],
    ['+7', 'int', 7],
    ['1_000', 'int', 1000],
    ['0x1F', 'int', 31],
    ['0o17', 'int', 15],
    ['0755', 'int', 493],
    ['0b101', 'int', 5],
    ['1.5', 'float', 1.5],
    ['.5', 'float', 0.5],
    ['1e3', 'float', 1000],
    ['08', 'float', 8],
    ['yes', 'str', 'yes'],
    ['abc', 'str', 'abc'],
    ['2001-12-14', 'str', '2001-12-14'],
    ['1.2.3', 'str', '1.2.3'],
  ])('reads %j as !!%s', (text, tag, value) => {
    expect(resolvePlainScalar(text)).toEqual({ tag, value });
  });

  it('refuses infinities, which have no JSON form', () => {
    expect(() => resolvePlainScalar('.inf')).toThrow('json: unsupported value: +Inf');
    expect(() => resolvePlainScalar('-.Inf')).toThrow('-Inf');
    expect(() => resolvePlainScalar('.nan')).toThrow('NaN');
  });

  it('reads back every integer it writes', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(resolvePlainScalar(String(n))).toEqual({ tag: 'int', value: n });
      }),
    );
  });
});

describe('decodeScalar', () => {
  // kubectl kustomize: a replacement writes only the text into a scalar target, which keeps its tag;
  // `cannot decode !!int \`8080\` as a !!bool` when they do not fit.
  it('keeps a string target a string', () => {
    expect(decodeScalar({ tag: 'str', text: '8080' })).toBe('8080');
    expect(decodeScalar({ tag: 'str', text: 'true' })).toBe('true');
  });

  it('reads the text of an untagged (created) node by its form', () => {
    expect(decodeScalar({ tag: '', text: '8080' })).toBe(8080);
    expect(decodeScalar({ tag: '', text: 'true' })).toBe(true);
    expect(decodeScalar({ tag: '', text: '' })).toBeNull();
    expect(decodeScalar({ tag: '', text: 'val' })).toBe('val');
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
});

describe('tagOf and scalarText', () => {
  it('name the YAML type and text of JSON scalars', () => {
    expect([tagOf('a'), tagOf(1), tagOf(1.5), tagOf(true), tagOf(null)]).toEqual(['str', 'int', 'float', 'bool', 'null']);
    expect([scalarText('a'), scalarText(1.5), scalarText(false), scalarText(null), scalarText({ a: 1 }), scalarText([1])]).toEqual(['a', '1.5', 'false', 'null', '', '']);
  });
});
