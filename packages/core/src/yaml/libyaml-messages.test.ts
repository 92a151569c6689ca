import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support.js';
import { parseYaml, parseYamlDocuments } from './parse.js';

// Each expectation is what `kubectl kustomize` (v5.5.0) says of a resource file holding the input, after
// `MalformedYAMLError: yaml: [line N: ]`; the line and column here are where the `yaml` package stopped.
const cases: readonly (readonly [string, string])[] = [
  ['a: b\n  - c: d\n', 'mapping values are not allowed in this context'],
  ['a: b: c\n', 'mapping values are not allowed in this context'],
  ['key: value\n  other: x\n', 'mapping values are not allowed in this context'],
  ['- a\n  b: c\n', 'mapping values are not allowed in this context'],
  ['a:\n  b\n  c: d\n', 'mapping values are not allowed in this context'],
  ['a:\n  b: c\n - d\n', 'did not find expected key'],
  ['a: b\n- c\n', 'did not find expected key'],
  ['a:\n  b: c\n d: e\n', 'did not find expected key'],
  ['a: |\n  b\n c: d\n', 'did not find expected key'],
  ['a: [b, c]]\n', 'did not find expected key'],
  ['a: "b"c\n', 'did not find expected key'],
  ['a:\n  - b\n  c: d\n', "did not find expected '-' indicator"],
  ['a: [b, c\n', "did not find expected ',' or ']'"],
  ['a: {b: c\n', "did not find expected ',' or '}'"],
  ["a: 'b\n", 'found unexpected end of stream'],
  ['a: @b\n', 'found character that cannot start any token'],
  ['a: b\n\tc: d\n', 'found a tab character that violates indentation'],
];

describe("syntax errors in libyaml's words", () => {
  it.each(cases)('%j: %s', (input, expected) => {
    const error = errorOf(() => parseYamlDocuments(input, 'r.yaml'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toMatch(new RegExp(`^line \\d+, column \\d+: ${expected.replace(/[[\]{}()|*+?.\\^$]/g, '\\$&')} in File: r\\.yaml$`));
    // The `yaml` package's own description stays, as the hint.
    expect(error.hint).toBeTruthy();
  });

  it('names the file after the message for resources only, as kustomize does', () => {
    // `kubectl kustomize`: "invalid Kustomization: yaml: line 3: mapping values are not allowed in this context".
    expect(errorOf(() => parseYaml('resources:\n- a\n b: c\n', 'kustomization.yaml', { dialect: 'sigs-yaml' })).message).toMatch(
      /^line \d+, column \d+: mapping values are not allowed in this context$/,
    );
  });

  it('refuses a block mapping entry without a key, and accepts an empty key written as one', () => {
    // `kubectl kustomize`: "yaml: line 4: did not find expected key in File: r.yaml"; `"": x` and `? ` are read.
    expect(errorOf(() => parseYamlDocuments('a: b\n: x\n', 'r.yaml')).message).toMatch(/^line 2, column 1: did not find expected key in File: r\.yaml$/);
    expect(errorOf(() => parseYamlDocuments('c:\n- name: n\n  : delete\n', 'r.yaml')).message).toMatch(/did not find expected key/);
    expect(parseYamlDocuments('"": x\n', 'r.yaml')).toEqual([{ '': 'x' }]);
    expect(parseYamlDocuments('? \n: x\n', 'r.yaml')).toEqual([{ '': 'x' }]);
  });
});

