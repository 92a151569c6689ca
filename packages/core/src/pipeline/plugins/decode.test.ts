import { describe, expect, it } from 'vitest';
import { decodePluginConfig } from './decode.js';

describe('decodePluginConfig', () => {
  const source = { plugin: 'X.builtin.[noGrp]/x.[noNs]', struct: 'XPlugin', file: 'x.yaml' };
  const shape = { name: 'string', count: 'int', labels: 'stringMap', items: 'stringList', on: 'bool' } as const;

  it('reads keys ignoring case and skips unknown and null fields (sigs.k8s.io/yaml)', () => {
    expect(decodePluginConfig({ NAME: 'a', other: 1, count: null }, shape, 'sigs-yaml', source)).toEqual({ name: 'a' });
  });

  it('matches keys exactly under go-yaml v3', () => {
    expect(decodePluginConfig({ NAME: 'a', name: 'b' }, shape, 'yaml-v3', source)).toEqual({ name: 'b' });
  });

  it('turns numbers and booleans into text where a string is wanted, floats with float32 precision', () => {
    // kubectl kustomize printed labels {n: 1, f: 1.50, b: true, z: null} of a LabelTransformer as "1", "1.5", "true", "".
    expect(decodePluginConfig({ labels: { n: 1, f: 1.5, b: true, z: null, t: 0.1 } }, shape, 'sigs-yaml', source)).toEqual({
      labels: { n: '1', f: '1.5', b: 'true', z: '', t: '0.1' },
    });
    expect(decodePluginConfig({ items: [1, null, 'x'] }, shape, 'sigs-yaml', source)).toEqual({ items: ['1', '', 'x'] });
  });

  it('refuses values of the wrong type, naming the Go struct field', () => {
    expect(() => decodePluginConfig({ count: 1.5 }, shape, 'sigs-yaml', source)).toThrow('json: cannot unmarshal number 1.5 into Go struct field XPlugin.count of type int');
    expect(() => decodePluginConfig({ on: 'true' }, shape, 'sigs-yaml', source)).toThrow('cannot unmarshal string into Go struct field XPlugin.on of type bool');
    expect(() => decodePluginConfig({ name: ['a'] }, shape, 'yaml-v3', source)).toThrow('cannot unmarshal !!seq into string');
  });
});
