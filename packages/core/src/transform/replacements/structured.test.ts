import { describe, expect, it } from 'vitest';
import { writeIntoStructuredData } from './structured.js';

// kustomize v5.8 parses the string with yaml.v3, edits the parsed node and prints it with kyaml's encoder (two-space
// indent, sequences not indented under their key): comments, key order and scalar styles stay; JSON is re-marshalled.
describe('writeIntoStructuredData', () => {
  const write = (text: string, parts: string[], value = 'new', create = false) => writeIntoStructuredData({ data: { file: text } }, ['data', 'file', ...parts], { scalar: { tag: 'str', text: value } }, create);

  it('keeps the YAML around the value: comments, order, quotes and flow collections', () => {
    const text = '# settings\nimage: "old"   # pinned\nreplicas: 1\nlist:\n    - a\n    - b\nflow: {x: 1, y: [1, 2]}\n';
    expect(write(text, ['image'])).toEqual({ data: { file: '# settings\nimage: "new" # pinned\nreplicas: 1\nlist:\n- a\n- b\nflow: {x: 1, y: [1, 2]}' } });
    expect(write(text, ['list', '1'])?.['data']).toEqual({ file: '# settings\nimage: "old" # pinned\nreplicas: 1\nlist:\n- a\n- new\nflow: {x: 1, y: [1, 2]}' });
  });

  it('keeps the type of the scalar it writes over, as Go sets only the text', () => {
    expect(write('{"port": 3306, "host": "a"}', ['port'], '5432')).toEqual({ data: { file: '{"host":"a","port":5432}' } });
  });

  it('prints JSON as Go marshals it: keys sorted, indented when the original spans lines with double spaces', () => {
    expect(write('{\n  "b": {"c": "x"},\n  "a": 1\n}', ['b', 'c'])).toEqual({ data: { file: '{\n  "a": 1,\n  "b": {\n    "c": "new"\n  }\n}' } });
  });

  it('creates missing fields only with create, and otherwise leaves the path to the plain field path', () => {
    expect(write('{"a": 1}', ['b'])).toBeUndefined();
    expect(write('{"a": 1}', ['b'], 'new', true)).toEqual({ data: { file: '{"a":1,"b":"new"}' } });
    expect(write('plain text', ['a'])).toBeUndefined();
    expect(writeIntoStructuredData({ data: { n: 3 } }, ['data', 'n', 'x'], { scalar: { tag: 'str', text: 'v' } }, false)).toBeUndefined();
  });
});
