import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json.js';
import { appendElements, elementKeyTexts, fieldText, findElement, keysWithValues, mustBeQuoted, scalarText, setElement, unifyKeyTuples } from './nodes.js';

const here = () => '';

describe('scalar texts', () => {
  it('stand in for YAML node values', () => {
    expect([scalarText('x'), scalarText(80), scalarText(1.5), scalarText(true), scalarText(null), scalarText({ a: 1 }), scalarText([1])]).toEqual(['x', '80', '1.5', 'true', 'null', '', '']);
    expect([fieldText(undefined), fieldText(null), fieldText({}), fieldText([]), fieldText(''), fieldText(0)]).toEqual(['', '', '', '', '', '0']);
  });

  it('know which strings must have been quoted', () => {
    for (const text of ['', '80', '-1.5e3', '0x1F', '0o17', 'true', 'False', 'null', '~', '.inf', 'two\nlines', ' padded']) expect(mustBeQuoted(text)).toBe(true);
    for (const text of ['x', 'nginx:1.2', 'yes', 'on', '1.2.3', 'TCP']) expect(mustBeQuoted(text)).toBe(false);
  });
});

describe('element matching', () => {
  const list: JsonValue[] = [{ name: 'a', v: 1 }, 'scalar', null, { name: 'b' }, { name: '' }];

  it('finds the first element with exactly these key texts', () => {
    expect(findElement(list, ['name'], ['b'])).toBe(3);
    expect(findElement(list, ['name'], [''])).toBe(4);
    expect(findElement(list, ['name', 'v'], ['a', '1'])).toBe(0);
    expect(findElement(list, ['name', 'v'], ['a'])).toBe(-1);
    expect(findElement(['x', 80], [''], ['80'])).toBe(1);
  });

  it('reads key texts per element, empty where missing', () => {
    expect(elementKeyTexts(list, ['name'])).toEqual([['a'], [''], [''], ['b'], ['']]);
  });
});

describe('setElement (kyaml ElementSetter)', () => {
  it('replaces the matching element or appends, dropping null and empty elements', () => {
    const list: JsonValue[] = [{ name: 'a' }, null, {}, 'keep', { name: 'b' }];
    setElement(list, { name: 'b', v: 2 }, ['name'], ['b'], here);
    expect(list).toEqual([{ name: 'a' }, 'keep', { name: 'b', v: 2 }]);
    setElement(list, { name: 'c' }, ['name'], ['c'], here);
    expect(list).toEqual([{ name: 'a' }, 'keep', { name: 'b', v: 2 }, { name: 'c' }]);
  });

  it('deletes every element that has the key when the value is empty', () => {
    const list: JsonValue[] = [{ name: 'a' }, { other: 1 }, { name: 'b' }];
    setElement(list, undefined, ['name'], [''], here);
    expect(list).toEqual([{ other: 1 }]);
  });

  it('drops everything when given no values', () => {
    const list: JsonValue[] = [{ name: 'a' }, { name: 'b' }];
    setElement(list, { name: 'z' }, ['name'], [], here);
    expect(list).toEqual([{ name: 'z' }]);
  });

  it('rejects a map where it matches scalars by text', () => {
    expect(() => setElement([{ a: 1 }], 'x', [''], ['x'], () => 'spec.list')).toThrow('wrong node kind: expected ScalarNode but got MappingNode');
  });
});

describe('appendElements (kyaml appendListNode)', () => {
  it('with several keys moves each original element last', () => {
    const merged: JsonValue[] = [{ p: 1, q: 'a' }, { p: 2, q: 'a' }];
    appendElements(merged, [{ p: 1, q: 'a' }], ['p', 'q'], here);
    expect(merged).toEqual([{ p: 2, q: 'a' }, { p: 1, q: 'a' }]);
  });

  it('empties the list before an element lacking the key', () => {
    const merged: JsonValue[] = [{ name: 'a' }];
    appendElements(merged, [{ value: 1 }], ['name'], here);
    expect(merged).toEqual([{ value: 1 }]);
  });
});

describe('key tuples', () => {
  it('keeps the keys that have a value somewhere', () => {
    expect(keysWithValues([['80', ''], ['90', '']], ['80', ''], ['containerPort', 'protocol'])).toEqual([['containerPort'], ['80']]);
    expect(keysWithValues([['80', 'TCP'], ['90', '']], ['90', ''], ['containerPort', 'protocol'])).toEqual([['containerPort', 'protocol'], ['90', '']]);
    expect(keysWithValues([['', '']], ['', ''], ['a', 'b'])).toEqual([['a', 'b'], ['', '']]);
  });

  it('unifies tuples that share a value and differ only where one is empty', () => {
    expect(unifyKeyTuples([['80', 'TCP'], ['80', ''], ['90', '']])).toEqual([['80', 'TCP'], ['80', 'TCP'], ['90', '']]);
    expect(unifyKeyTuples([['80', 'TCP'], ['80', 'UDP']])).toEqual([['80', 'TCP'], ['80', 'UDP']]);
  });
});
