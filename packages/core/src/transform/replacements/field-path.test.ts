import { describe, expect, it } from 'vitest';
import { lookupField, nodeText, parseIndex, splitDottedPath, splitIndexNameValue } from './field-path.js';

describe('splitDottedPath', () => {
  it('splits on dots', () => {
    expect(splitDottedPath('spec.template.spec')).toEqual(['spec', 'template', 'spec']);
  });

  it('keeps [field=value] parts whole, dots included', () => {
    expect(splitDottedPath('spec.containers.[name=com.foo.app].image')).toEqual(['spec', 'containers', '[name=com.foo.app]', 'image']);
  });

  it('unwraps a bracketed map key with dots', () => {
    expect(splitDottedPath('metadata.annotations.[config.kubernetes.io/x]')).toEqual(['metadata', 'annotations', 'config.kubernetes.io/x']);
  });

  it('honours escaped dots and a leading dot', () => {
    expect(splitDottedPath('metadata.labels.app\\.kubernetes\\.io/name')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(splitDottedPath('.a.b')).toEqual(['a', 'b']);
  });

  it('keeps a single-part bracket as written', () => {
    expect(splitDottedPath('a.[b]')).toEqual(['a', '[b]']);
  });
});

describe('path parts', () => {
  it('reads indices as Go Atoi does', () => {
    expect([parseIndex('0'), parseIndex('+2'), parseIndex('-1'), parseIndex('x'), parseIndex('1.0')]).toEqual([0, 2, -1, undefined, undefined]);
  });

  it('splits [field=value] at the first =', () => {
    expect(splitIndexNameValue('[name=a=b]')).toEqual({ field: 'name', value: 'a=b' });
    expect(splitIndexNameValue('[=x]')).toEqual({ field: '', value: 'x' });
    expect(() => splitIndexNameValue('[x]')).toThrow('list path element must contain fieldName=fieldValue');
  });
});

describe('lookupField (kustomize PathGetter)', () => {
  const object = {
    metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'x' } },
    spec: {
      ports: [
        { name: 'http', port: 80 },
        { name: 'https', port: 443 },
      ],
      args: ['a', 'b', 'c'],
      empty: null,
    },
  };

  it('follows keys, indices, the last element and exact [field=value] matches', () => {
    expect(lookupField(object, ['metadata', 'name'])).toBe('web');
    expect(lookupField(object, ['spec', 'ports', '1', 'port'])).toBe(443);
    expect(lookupField(object, ['spec', 'args', '-'])).toBe('c');
    expect(lookupField(object, ['spec', 'ports', '[name=http]', 'port'])).toBe(80);
    expect(lookupField(object, ['spec', 'ports', '[port=443]', 'name'])).toBe('https');
    expect(lookupField(object, ['spec', 'args', '[=b]'])).toBe('b');
  });

  it('matches [field=value] exactly, not as a pattern', () => {
    expect(lookupField(object, ['spec', 'ports', '[name=htt]', 'port'])).toBeUndefined();
  });

  it('skips blank parts', () => {
    expect(lookupField(object, ['metadata', ' ', 'name'])).toBe('web');
  });

  it('is undefined for missing fields, indices past the end and paths through null', () => {
    expect(lookupField(object, ['metadata', 'nope'])).toBeUndefined();
    expect(lookupField(object, ['spec', 'args', '7'])).toBeUndefined();
    expect(lookupField(object, ['spec', 'empty', 'x'])).toBeUndefined();
    expect(lookupField(object, ['spec', 'empty'])).toBeNull();
  });

  it('fails where a part cannot apply', () => {
    expect(() => lookupField(object, ['metadata', 'name', 'x'])).toThrow('wrong node kind: expected MappingNode but got ScalarNode');
    expect(() => lookupField(object, ['metadata', '0'])).toThrow('wrong node kind: expected SequenceNode but got MappingNode');
    expect(() => lookupField(object, ['spec', 'args', '-1'])).toThrow('array index -1 cannot be negative');
    expect(() => lookupField(object, ['spec', '*'])).toThrow('wildcard is not supported in PathGetter');
  });
});

describe('nodeText', () => {
  it('is a scalar text, and empty for maps and lists as kustomize node values', () => {
    expect([nodeText('a'), nodeText(1.5), nodeText(false), nodeText(null), nodeText({ a: 1 }), nodeText([1])]).toEqual(['a', '1.5', 'false', 'null', '', '']);
  });
});
