import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support.js';
import { parseYaml, parseYamlDocuments } from './parse.js';

// Each expectation is what `kubectl kustomize` (v5.5.0) says of a resource file holding the input, inside
// `MalformedYAMLError: … in File: r.yaml`: go-yaml's `yaml: line N: ` (on the line go-yaml names) and libyaml's words.
const cases: readonly (readonly [string, string])[] = [
  ["kind: K\nspec:\n  replicas: 4\n  selector:\n    matchLabels: {}HD!\n", 'yaml: line 4: did not find expected key'],
  ['kind: K\nspec:\n  a: "\u0001"\n', 'yaml: control characters are not allowed'],
  ["a: b\n  - c: d\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a: b: c\n", "yaml: mapping values are not allowed in this context"],
  ["key: value\n  other: x\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["- a\n  b: c\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a:\n  b\n  c: d\n", "yaml: line 3: mapping values are not allowed in this context"],
  ["a:\n  b: c\n - d\n", "yaml: line 2: did not find expected key"],
  ["a: b\n- c\n", "yaml: line 1: did not find expected key"],
  ["a:\n  b: c\n d: e\n", "yaml: line 2: did not find expected key"],
  ["a: |\n  b\n c: d\n", "yaml: line 2: did not find expected key"],
  ["a: [b, c]]\n", "yaml: did not find expected key"],
  ["a: \"b\"c\n", "yaml: did not find expected key"],
  ["a:\n  - b\n  c: d\n", "yaml: line 1: did not find expected '-' indicator"],
  ["a: [b, c\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: {b: c\n", "yaml: line 1: did not find expected ',' or '}'"],
  ["a: 'b\n", "yaml: line 2: found unexpected end of stream"],
  ["a: @b\n", "yaml: found character that cannot start any token"],
  ["a: b\n\tc: d\n", "yaml: line 2: found a tab character that violates indentation"],
  ["kind: K\nmetadata:\n  name: x\n  labels:\n    a: b\n   c: d\n", "yaml: line 2: did not find expected key"],
  ["kind: K\nmetadata:\n  name: x\nspec:\n  x: [1, 2\n  y: 3\n", "yaml: line 4: did not find expected ',' or ']'"],
  ["x:\n  y:\n    z: 1\n      w: 2\n", "yaml: line 4: mapping values are not allowed in this context"],
  ["apiVersion:ace\nmetadata:\n  name: web\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a:\n  b:\n    - c\n    d: e\n", "yaml: line 2: did not find expected '-' indicator"],
  ["kind: K\nitems:\n- name: a\n  v: b\n bad: c\n", "yaml: line 4: did not find expected key"],
  ["kind: K\nspec:\n  containers:\n  - name: a\n    image: b\n   ports: []\n", "yaml: line 2: did not find expected key"],
];

describe("syntax errors in libyaml's words", () => {
  it.each(cases)('%j: %s', (input, expected) => {
    const error = errorOf(() => parseYamlDocuments(input, 'r.yaml'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toBe(`MalformedYAMLError: ${expected} in File: r.yaml`);
    // Where the `yaml` package stopped and its own description stay, as the hint.
    expect(error.hint).toBeTruthy();
  });

  it('names the file after the message for resources only, as kustomize does', () => {
    // `kubectl kustomize`: "invalid Kustomization: yaml: line 3: mapping values are not allowed in this context".
    expect(errorOf(() => parseYaml('resources:\n- a\n b: c\n', 'kustomization.yaml', { dialect: 'sigs-yaml' })).message).toBe('yaml: line 3: mapping values are not allowed in this context');
  });

  it('refuses a block mapping entry without a key, and accepts an empty key written as one', () => {
    // `kubectl kustomize`: "yaml: line 4: did not find expected key in File: r.yaml"; `"": x` and `? ` are read.
    expect(errorOf(() => parseYamlDocuments('a: b\n: x\n', 'r.yaml')).message).toBe('MalformedYAMLError: yaml: line 1: did not find expected key in File: r.yaml');
    expect(errorOf(() => parseYamlDocuments('c:\n- name: n\n  : delete\n', 'r.yaml')).message).toMatch(/did not find expected key/);
    expect(parseYamlDocuments('"": x\n', 'r.yaml')).toEqual([{ '': 'x' }]);
    expect(parseYamlDocuments('? \n: x\n', 'r.yaml')).toEqual([{ '': 'x' }]);
  });
});

